using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>
/// Inside ASP.NET Core a chunked response goes out as its handler flushes it, as on the built-in server: the client
/// reads the first piece while the handler still waits, an event stream's events arrive one by one, and a fault after
/// the first piece cuts the response rather than appending a 500 to it.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class StreamingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_flushed_piece_reaches_the_client_while_the_handler_still_runs()
    {
        StreamingRoutes.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new StreamingRoutes.HttpEndpoint()));
        using var client = app.GetTestClient();
        try
        {
            using var response = await client.GetAsync("/streaming/parts", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Timeout); // a head held back until the handler ends fails here
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("yes", Assert.Single(response.Headers.GetValues("X-Streamed")));
            Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Null(response.Content.Headers.ContentLength); // streamed: no length was known when the head went out
            await using var body = await response.Content.ReadAsStreamAsync();
            Assert.Equal("first;", await ReadAsync(body, "first;".Length)); // the handler is still waiting at the gate

            StreamingRoutes.Gate.SetResult();
            Assert.Equal("second", await new StreamReader(body).ReadToEndAsync());
        }
        finally
        {
            StreamingRoutes.Gate.TrySetResult(); // the handler ends whatever happened, so the app can stop
        }
    }

    [Fact]
    public async Task Events_of_an_event_stream_arrive_one_by_one()
    {
        StreamingRoutes.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new StreamingRoutes.HttpEndpoint()));
        using var client = app.GetTestClient();
        try
        {
            using var response = await client.GetAsync("/streaming/events", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Timeout); // a head held back until the handler ends fails here
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("no-cache", Assert.Single(response.Headers.GetValues("Cache-Control")));
            await using var body = await response.Content.ReadAsStreamAsync();
            var first = "id: 1\ndata: one\n\n";
            Assert.Equal(first, await ReadAsync(body, first.Length)); // the second is not written yet

            StreamingRoutes.Gate.SetResult();
            Assert.Equal("id: 2\ndata: two\n\n", await new StreamReader(body).ReadToEndAsync());
        }
        finally
        {
            StreamingRoutes.Gate.TrySetResult(); // the handler ends whatever happened, so the app can stop
        }
    }

    [Fact]
    public async Task A_fault_after_the_first_piece_cuts_the_response_and_is_reported()
    {
        StreamingRoutes.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new StreamingRoutes.HttpEndpoint(), o => o.OnHandlerError = errors.Enqueue));
        using var client = app.GetTestClient();
        try
        {
            using var response = await client.GetAsync("/streaming/break", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Timeout); // a head held back until the handler ends fails here
            Assert.Equal(200, (int)response.StatusCode); // the head went out with the first piece
            await using var body = await response.Content.ReadAsStreamAsync();
            Assert.Equal("first;", await ReadAsync(body, "first;".Length));

            StreamingRoutes.Gate.SetResult();
            await Assert.ThrowsAnyAsync<Exception>(() => new StreamReader(body).ReadToEndAsync()); // cut, not completed
            Assert.Equal("a fault after the first piece went out", Assert.Single(errors).Message);
        }
        finally
        {
            StreamingRoutes.Gate.TrySetResult(); // the handler ends whatever happened, so the app can stop
        }
    }

    // Reads exactly count bytes (ASCII) from the stream, failing if it ends first.
    private static async Task<string> ReadAsync(Stream body, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read)).AsTask().WaitAsync(Timeout);
            Assert.True(n > 0, $"The response ended after {read} of {count} bytes.");
            read += n;
        }

        return Encoding.ASCII.GetString(buffer);
    }
}

/// <summary>The streaming tests share <see cref="StreamingRoutes.Gate"/>: they run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StreamingCollection
{
    public const string Name = "Streaming routes";
}
