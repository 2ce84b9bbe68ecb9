using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;

namespace HyperRoute.Tests.Http.Async;

/// <summary>
/// What the asynchronous test handlers share with their test: a gate they await (the test opens it), how many
/// started, the tokens they were given, and what they did after the gate. One per test.
/// </summary>
public sealed class AsyncHandlerState
{
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private int _finished;

    public Task Gate => Volatile.Read(ref _gate).Task;

    public int Started => Volatile.Read(ref _started);

    public int Finished => Volatile.Read(ref _finished);

    public ConcurrentQueue<CancellationToken> Tokens { get; } = new();

    public volatile bool Flushed;

    /// <summary>Lets every handler waiting at the gate (and every later one) go on.</summary>
    public void Open() => Volatile.Read(ref _gate).TrySetResult();

    internal void Start(CancellationToken token)
    {
        Tokens.Enqueue(token);
        Interlocked.Increment(ref _started);
    }

    internal void Finish() => Interlocked.Increment(ref _finished);
}

/// <summary>
/// A hand-written endpoint with asynchronous handlers, shaped as the generator shapes them: call the handler, take
/// the fast path when its task completed synchronously, else <see cref="HttpExchange.Suspend(int, ValueTask)"/>.
/// <code>
/// GET /plaintext        → 200 "Hello, World!" (synchronous)
/// GET /sync             → 200 "sync" from an async handler that never awaits
/// GET /yield            → 200 "yielded" after await Task.Yield()
/// GET /gate/{n}         → 200 "gate {n}" once the test opens the gate
/// GET /foreign          → 200 "foreign": completed by a thread of its own, not the pool's
/// GET /throw-before     → throws before its first await
/// GET /throw-after      → throws after the gate opened
/// GET /limit            → awaits the gate with a 100 ms limit of its own, then writes "late"
/// GET /stream           → chunked: "a", await FlushAsync, the gate, "b"
/// </code>
/// </summary>
public readonly struct AsyncTestEndpoint(AsyncHandlerState state) : IHttpEndpoint
{
    public static int HeaderSlotCount => 0;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

    public RouteMatch Serve(HttpExchange exchange)
    {
        var path = exchange.Request.Path;
        if (path.SequenceEqual("/plaintext"u8))
        {
            exchange.Response.Text("Hello, World!"u8);
            return RouteMatch.Handled(0);
        }

        if (path.SequenceEqual("/sync"u8))
        {
            return Run(1, exchange, Sync(exchange.Response));
        }

        if (path.SequenceEqual("/yield"u8))
        {
            return Run(2, exchange, Yield(exchange.Response));
        }

        if (path.StartsWith("/gate/"u8))
        {
            var n = System.Text.Encoding.ASCII.GetString(path.Slice(6));
            return Run(3, exchange, Gate(state, n, exchange));
        }

        if (path.SequenceEqual("/foreign"u8))
        {
            return Run(4, exchange, Foreign(exchange.Response));
        }

        if (path.SequenceEqual("/throw-before"u8))
        {
            return Run(5, exchange, ThrowBefore());
        }

        if (path.SequenceEqual("/throw-after"u8))
        {
            return Run(6, exchange, ThrowAfter(state, exchange));
        }

        if (path.SequenceEqual("/limit"u8))
        {
            var work = Gate(state, "late", exchange);
            return work.IsCompletedSuccessfully ? RouteMatch.Handled(7) : exchange.Suspend(7, work, 100);
        }

        if (path.SequenceEqual("/stream"u8))
        {
            return Run(8, exchange, Stream(state, exchange));
        }

        return RouteMatch.NotFound;
    }

    private static RouteMatch Run(int route, HttpExchange exchange, ValueTask work)
    {
        if (work.IsCompletedSuccessfully)
        {
            work.GetAwaiter().GetResult();
            return RouteMatch.Handled(route);
        }

        return exchange.Suspend(route, work);
    }

#pragma warning disable CS1998 // an async handler that completes without awaiting: the synchronous fast path
    private static async ValueTask Sync(HttpResponse response) => response.Text("sync"u8);

    private static async ValueTask ThrowBefore() => throw new InvalidOperationException("before the first await");
#pragma warning restore CS1998

    private static async ValueTask Yield(HttpResponse response)
    {
        await Task.Yield();
        response.Text("yielded"u8);
    }

    private static async ValueTask Gate(AsyncHandlerState state, string name, HttpExchange exchange)
    {
        state.Start(exchange.RequestAborted);
        await state.Gate.ConfigureAwait(false);
        exchange.Response.Text(System.Text.Encoding.ASCII.GetBytes(name.StartsWith("late") ? name : "gate " + name));
        state.Finish();
    }

    private static async ValueTask Foreign(HttpResponse response)
    {
        var done = new TaskCompletionSource(); // continuations inline: the handler resumes on the thread below
        var thread = new Thread(() => done.SetResult()) { IsBackground = true, Name = "foreign completer" };
        thread.Start();
        await done.Task;
        response.Text("foreign"u8);
    }

    private static async ValueTask ThrowAfter(AsyncHandlerState state, HttpExchange exchange)
    {
        state.Start(exchange.RequestAborted);
        await state.Gate.ConfigureAwait(false);
        throw new InvalidOperationException("after the await");
    }

    private static async ValueTask Stream(AsyncHandlerState state, HttpExchange exchange)
    {
        var response = exchange.Response;
        response.StartChunked();
        response.Text("a"u8);
        await response.FlushAsync();
        state.Flushed = true;
        state.Start(exchange.RequestAborted);
        await state.Gate.ConfigureAwait(false);
        response.Write("b"u8);
        state.Finish();
    }
}
