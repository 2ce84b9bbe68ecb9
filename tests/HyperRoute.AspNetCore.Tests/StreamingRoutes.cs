using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.ServerSentEvents;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>
/// Routes that stream: a body sent in two pieces with a wait between them, one that fails after its first piece, and
/// an event stream. Each waits for <see cref="Gate"/> after its first piece, so a test can read that piece while the
/// handler is still running.
/// </summary>
[Router]
public static partial class StreamingRoutes
{
    /// <summary>What the handlers wait for after their first piece (set by each test).</summary>
    public static TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static readonly ServerSentEvent One = new("one", id: "1");
    private static readonly ServerSentEvent Two = new("two", id: "2");

    [Route("GET /streaming/parts")]
    [HandlerTimeout(Timeout.Infinite)]
    public static async ValueTask Parts(HttpResponse response)
    {
        response.SetContentType("text/plain; charset=utf-8"u8);
        response.SetHeader("X-Streamed"u8, "yes"u8);
        response.StartChunked();
        response.Write("first;"u8);
        await response.FlushAsync();
        await Gate.Task;
        response.Write("second"u8);
    }

    [Route("GET /streaming/break")]
    [HandlerTimeout(Timeout.Infinite)]
    public static async ValueTask Break(HttpResponse response)
    {
        response.StartChunked();
        response.Write("first;"u8);
        await response.FlushAsync();
        await Gate.Task;
        throw new InvalidOperationException("a fault after the first piece went out");
    }

    [Route("GET /streaming/events")]
    [HandlerTimeout(Timeout.Infinite)]
    public static async ValueTask Events(HttpExchange exchange)
    {
        var stream = EventStream.Start(exchange);
        await stream.SendAsync(One);
        await Gate.Task;
        await stream.SendAsync(Two);
    }
}
