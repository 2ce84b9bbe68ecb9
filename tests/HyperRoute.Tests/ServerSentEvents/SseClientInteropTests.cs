using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.ServerSentEvents;
using HyperRoute.Tests.Http;
using HyperRoute.Tests.WebSockets;
using Xunit;

namespace HyperRoute.Tests.ServerSentEvents;

/// <summary>Event streams read by clients nobody here wrote: <c>curl -N</c>, and EventSource in headless Chromium.</summary>
public sealed class SseClientInteropTests
{
    private static TestServer<SseTestEndpoint> Start(string transport, EventStreamChannel channel)
        => TestServer<SseTestEndpoint>.Start(new SseTestEndpoint(channel, new EventStreamOptions { HeartbeatInterval = Timeout.InfiniteTimeSpan }), transport);

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Curl_reads_the_stream_unbuffered_to_its_end(string transport)
    {
        await using var server = Start(transport, new EventStreamChannel());
        var (code, output, error) = await InteropClients.RunAsync("curl", ["-N", "-s", "--max-time", "10", $"http://{server.EndPoint}/three"], TimeSpan.FromSeconds(20));
        Assert.True(code == 0, $"curl failed ({code}): {error}");
        Assert.Equal(
            "id: 1\nevent: greeting\nretry: 2000\ndata: first\n\nid: 2\ndata: line one\ndata: line two\ndata: line three\n\n: almost done\n\nid: 3\ndata: {\"done\":true}\n\n",
            output);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Curl_with_last_event_id_gets_only_the_events_after_it(string transport)
    {
        var channel = new EventStreamChannel();
        await using var server = Start(transport, channel);
        for (var i = 1; i <= 5; i++)
        {
            channel.Publish(new ServerSentEvent($"event {i}", id: i.ToString()));
        }

        // The stream stays open: curl stops after 2 s (exit 28) with what it read.
        var (_, output, _) = await InteropClients.RunAsync("curl", ["-N", "-s", "--max-time", "2", "-H", "Last-Event-ID: 3", $"http://{server.EndPoint}/events"], TimeSpan.FromSeconds(20));
        Assert.Equal("id: 4\ndata: event 4\n\nid: 5\ndata: event 5\n\n", output);
    }

    [Fact]
    public async Task EventSource_in_chromium_resumes_with_last_event_id_after_the_stream_drops()
    {
        await using var server = Start("epoll", new EventStreamChannel());
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await chromium.NavigateAsync($"http://{server.EndPoint}/resume-page");
        await chromium.WaitUntilAsync("window.ids && window.ids.length === 5", "five events over two connections");
        var ids = (await chromium.EvaluateAsync("window.ids.join(',')"))!.GetValue<string>();
        Assert.Equal("1=event 1,2=event 2,3=event 3,4=event 4,5=event 5", ids);
        Assert.Equal(["", "3"], SseTestEndpoint.ResumeRequests.Take(2).ToArray());
    }
}
