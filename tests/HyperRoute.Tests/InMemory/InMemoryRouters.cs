using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;

namespace HyperRoute.Tests.InMemory;

/// <summary>Routes the sample lacks: a short handler time limit, a route value with no constraint, chunks flushed after an await, faults before and after an await, a hanging handler.</summary>
[Router]
public static partial class LimitsApi
{
    [Route("GET /late")]
    [HandlerTimeout(100)]
    public static async ValueTask Late(HttpResponse response, CancellationToken aborted)
    {
        await Task.Delay(10_000, aborted);
        response.Text("too late"u8);
    }

    // No constraint: a value that is not a number reaches binding, which answers 400 naming n.
    [Route("GET /count/{n}")]
    public static void Count(int n, HttpResponse response) => response.StatusCode = 200;

    [Route("GET /drip")]
    public static async ValueTask Drip(HttpResponse response)
    {
        // Chunks flushed while the connection is parked: the worker (here, the in-memory loop) sends each one.
        response.SetContentType("text/plain"u8);
        response.StartChunked();
        for (var i = 0; i < 3; i++)
        {
            await Task.Yield();
            response.Write("drop\n"u8);
            await response.FlushAsync();
        }
    }

    [Route("GET /throws")]
    public static void Throws(HttpResponse response) => throw new InvalidOperationException("sync fault");

    [Route("GET /throws-later")]
    public static async ValueTask ThrowsLater(HttpResponse response)
    {
        await Task.Yield();
        throw new InvalidOperationException("async fault");
    }

    [Route("GET /hang")]
    public static async ValueTask Hang(HttpResponse response, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            HangCancelled.TrySetResult();
            throw;
        }
    }

    /// <summary>Completed when <c>GET /hang</c>'s token was cancelled.</summary>
    public static TaskCompletionSource HangCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
