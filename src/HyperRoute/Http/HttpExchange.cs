using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>
/// One request and its response. The server keeps one per connection and reuses it for every request on that
/// connection, so serving a request allocates nothing. Handlers receive it, or its
/// <see cref="Request"/> and <see cref="Response"/>, as parameters; neither may be kept after the handler
/// completes (for an asynchronous handler: after the task it returned completed).
/// </summary>
public sealed partial class HttpExchange
{
    /// <summary><see cref="Suspend(int, ValueTask)"/> without a limit of its own: the server's <see cref="HttpServerOptions.HandlerTimeout"/> applies.</summary>
    internal const int ServerTimeout = int.MinValue;

    private CancellationTokenSource? _aborted;
    private volatile bool _abortRequested;
    private ValueTask _pending;
    private int _pendingTimeout = ServerTimeout;

    /// <summary>Creates an exchange with its own buffers, for servers and for tests that serve requests in-process.</summary>
    public HttpExchange()
    {
        Request = new HttpRequest();
        Response = new HttpResponse();
    }

    /// <summary>The request being served.</summary>
    public HttpRequest Request { get; }

    /// <summary>The response the handler writes.</summary>
    public HttpResponse Response { get; }

    /// <summary>
    /// Cancelled when the request is abandoned: the client disconnected, the handler's time limit
    /// (<see cref="HandlerTimeoutAttribute"/>, <see cref="HttpServerOptions.HandlerTimeout"/>) expired, or the
    /// server's shutdown deadline passed. A handler binds it as a <see cref="CancellationToken"/> parameter.
    /// The source behind it is created on first use and reused by the connection's next requests.
    /// </summary>
    public CancellationToken RequestAborted
    {
        get
        {
            var source = _aborted;
            if (source is null)
            {
                source = new CancellationTokenSource();
                source = Interlocked.CompareExchange(ref _aborted, source, null) ?? source;
                if (_abortRequested)
                {
                    source.Cancel(); // aborted before anyone asked for the token
                }
            }

            return source.Token;
        }
    }

    /// <summary>
    /// For generated code: the asynchronous handler of route <paramref name="route"/> returned
    /// <paramref name="work"/>, which has not completed. The server parks the connection (its worker serves the
    /// others), and writes the response when <paramref name="work"/> completes; the server's
    /// <see cref="HttpServerOptions.HandlerTimeout"/> limits the wait.
    /// </summary>
    /// <returns><see cref="RouteMatch.Pending(int)"/> for <paramref name="route"/>.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RouteMatch Suspend(int route, ValueTask work) => Suspend(route, work, ServerTimeout);

    /// <summary>
    /// For generated code: as <see cref="Suspend(int, ValueTask)"/>, with the route's own time limit in
    /// milliseconds (<see cref="Timeout.Infinite"/>: none).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RouteMatch Suspend(int route, ValueTask work, int timeoutMilliseconds)
    {
        _pending = work;
        _pendingTimeout = timeoutMilliseconds;
        return RouteMatch.Pending(route);
    }

    /// <summary>
    /// Takes the work <see cref="Suspend(int, ValueTask, int)"/> left, leaving none, with the time limit it asked
    /// for (<see cref="ServerTimeout"/> when none).
    /// </summary>
    internal ValueTask TakePending(out int timeoutMilliseconds)
    {
        timeoutMilliseconds = _pendingTimeout;
        var work = _pending;
        _pending = default;
        _pendingTimeout = ServerTimeout;
        return work;
    }

    /// <summary>Cancels <see cref="RequestAborted"/> (from any thread); callbacks registered on it run now.</summary>
    internal void Abort()
    {
        _abortRequested = true;
        try
        {
            Volatile.Read(ref _aborted)?.Cancel();
        }
        catch (AggregateException)
        {
            // A callback the handler registered threw; the request is abandoned all the same.
        }
    }

    /// <summary>Readies <see cref="RequestAborted"/> for the next request: the source is reused unless it was cancelled.</summary>
    internal void ResetAborted()
    {
        _abortRequested = false;
        var source = _aborted;
        if (source is not null && !source.TryReset())
        {
            source.Dispose();
            _aborted = null;
        }
    }
}
