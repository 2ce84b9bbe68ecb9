using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.ServerSentEvents;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.ServerSentEvents;

/// <summary>Server-Sent Events on the built-in server: format, heartbeats, resume, disconnects, broadcast, shutdown.</summary>
public sealed class EventStreamTests
{
    private static TestServer<SseTestEndpoint> Start(string transport, EventStreamChannel channel, TimeSpan? heartbeat = null)
        => TestServer<SseTestEndpoint>.Start(new SseTestEndpoint(channel, new EventStreamOptions { HeartbeatInterval = heartbeat ?? Timeout.InfiniteTimeSpan }), transport);

    private static async Task<(HttpResponseMessage Response, StreamReader Reader)> Open(HttpClient client, string url, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    private static async Task<string> ReadEvent(StreamReader reader)
    {
        var text = "";
        while (true)
        {
            var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                return text;
            }

            text += line + "\n";
        }
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Stream_carries_id_event_retry_and_multi_line_data_then_ends(string transport)
    {
        await using var server = Start(transport, new EventStreamChannel());
        using var client = new HttpClient();
        var (response, reader) = await Open(client, $"http://{server.EndPoint}/three");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("id: 1\nevent: greeting\nretry: 2000\ndata: first\n", await ReadEvent(reader));
        Assert.Equal("id: 2\ndata: line one\ndata: line two\ndata: line three\n", await ReadEvent(reader));
        Assert.Equal(": almost done\n", await ReadEvent(reader));
        Assert.Equal("id: 3\ndata: {\"done\":true}\n", await ReadEvent(reader));
        Assert.Null(await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Idle_stream_sends_heartbeat_comments(string transport)
    {
        await using var server = Start(transport, new EventStreamChannel(), TimeSpan.FromMilliseconds(200));
        using var client = new HttpClient();
        var (_, reader) = await Open(client, $"http://{server.EndPoint}/events");
        Assert.Equal(":\n", await ReadEvent(reader));
        Assert.Equal(":\n", await ReadEvent(reader));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Published_event_reaches_every_subscriber(string transport)
    {
        var channel = new EventStreamChannel();
        await using var server = Start(transport, channel);
        using var client = new HttpClient();
        var (_, first) = await Open(client, $"http://{server.EndPoint}/events");
        var (_, second) = await Open(client, $"http://{server.EndPoint}/events");
        await WaitFor(() => channel.Subscribers == 2);
        channel.Publish(new ServerSentEvent("hello", id: "7"));
        Assert.Equal("id: 7\ndata: hello\n", await ReadEvent(first));
        Assert.Equal("id: 7\ndata: hello\n", await ReadEvent(second));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Reconnecting_with_last_event_id_resumes_after_it(string transport)
    {
        var channel = new EventStreamChannel();
        await using var server = Start(transport, channel);
        for (var i = 1; i <= 5; i++)
        {
            channel.Publish(new ServerSentEvent($"event {i}", id: i.ToString()));
        }

        using var client = new HttpClient();
        var (_, reader) = await Open(client, $"http://{server.EndPoint}/events", lastEventId: "3");
        Assert.Equal("id: 4\ndata: event 4\n", await ReadEvent(reader));
        Assert.Equal("id: 5\ndata: event 5\n", await ReadEvent(reader));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Client_disconnect_ends_the_stream_and_its_subscription(string transport)
    {
        var channel = new EventStreamChannel();
        await using var server = Start(transport, channel);
        using (var client = new HttpClient())
        {
            var (response, _) = await Open(client, $"http://{server.EndPoint}/events");
            await WaitFor(() => channel.Subscribers == 1);
            response.Dispose();
        }

        await WaitFor(() => channel.Subscribers == 0);
        await WaitFor(() => server.Server.ConnectionsOpen == 0);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Graceful_shutdown_ends_open_streams_well_before_its_deadline(string transport)
    {
        var channel = new EventStreamChannel();
        var server = Start(transport, channel);
        using var client = new HttpClient();
        var (_, reader) = await Open(client, $"http://{server.EndPoint}/events");
        await WaitFor(() => channel.Subscribers == 1);
        var clock = Stopwatch.StartNew();
        await server.Server.StopAsync(TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Null(await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10))); // the stream ended cleanly
        Assert.Equal(0, channel.Subscribers);
        Assert.Equal(0, server.Server.ConnectionFaults);
    }

    internal static async Task WaitFor(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }
}
