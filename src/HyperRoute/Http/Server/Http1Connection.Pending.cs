using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server;

/// <summary>
/// Waiting for asynchronous handlers. When <c>Serve</c> comes back <see cref="RouteOutcome.Pending"/>, the
/// connection parks: it stops reading (pipelined requests wait in the buffer and are answered in order), keeps
/// its receive buffer as it is (the request's memory views stay valid: nothing is copied or moved), and its
/// worker serves other connections. Every event of the pending request — the handler completed, asked for a
/// flush, or ran out of time — reaches the connection only through <see cref="IConnectionWaker.Wake"/>, on the
/// thread that owns it: the handler's thread never touches the connection's state or its output.
/// </summary>
internal sealed partial class Http1Connection<TEndpoint>
{
    private ValueTask _work;          // the pending handler's work; kept after an abandonment until it completes
    private bool _holdsWork;          // _work is set and not yet consumed
    private volatile bool _waiting;   // parked: the request is answered when _work completes
    private int _workRoute;
    private int _workNextStart;
    private bool _workClose;
    private long _workDeadline;       // Environment.TickCount64 when the handler's time limit expires; long.MaxValue: none
    private Timer? _timer;
    private Action? _onWorkCompleted;
    private volatile bool _timeLimitFired;
    private volatile bool _abortRequested;
    private int _serveThread;         // the thread inside the endpoint's Serve, 0 outside it
    private ReusableSignal? _flushSignal;
    private int _flushRequested;      // 1: the handler asked for a flush the worker has not taken yet
    private bool _flushInFlight;      // a flushed chunk is in the output; its signal completes when the output went out
    private bool _abandoned;          // the request was answered or dropped without the handler
    private int _buffersReturned;     // 1 once the pooled buffers went back (guarded: a late wake may race the close)

    // Time limits up to this many milliseconds are kept by a timer, to the millisecond; longer ones within a second.
    private const long PreciseTimeLimit = 5000;

    /// <summary>A handler is pending and the connection waits for it.</summary>
    public bool IsWaiting => _waiting;

    /// <summary>
    /// When the transport's once-a-second check should call <see cref="TimeLimitReached"/> for the pending handler
    /// (an <see cref="Environment.TickCount64"/> value); <see cref="long.MaxValue"/> when a timer keeps its limit, or
    /// it has none.
    /// </summary>
    public long WaitDeadline => _workDeadline - Environment.TickCount64 > PreciseTimeLimit ? _workDeadline : long.MaxValue;

    /// <summary>The pending handler's time limit has passed (any thread): its request is answered 504 on the owner's thread.</summary>
    public void TimeLimitReached()
    {
        _timeLimitFired = true;
        _waker.Wake();
    }

    /// <summary>
    /// The transport sent all of <see cref="PendingOutput"/>: a flush the handler awaits completes now, so a
    /// slow reader holds the handler back, not the worker.
    /// </summary>
    public void OutputSent()
    {
        ReleaseUpgradedOutput();
        if (_flushInFlight)
        {
            _flushInFlight = false;
            _flushSignal!.Set();
        }
    }

    /// <summary>
    /// The client disconnected while its handler was pending (owner's thread): the handler's token is cancelled,
    /// nothing more is written, and the transport closes the connection. The buffers the handler may still read
    /// are returned only when it completes.
    /// </summary>
    public void ClientGone()
    {
        if (!_waiting)
        {
            return;
        }

        Abandon(new ClientDisconnectedException("The client disconnected while the handler was pending."));
        _closeAfterOutput = true;
    }

    /// <summary>
    /// The shutdown deadline passed (any thread): a pending handler is cancelled and its request answered 503,
    /// on the owner's thread at its next <see cref="Run"/>.
    /// </summary>
    public void RequestAbort()
    {
        _abortRequested = true;
        _waker.Wake();
    }

    /// <summary>
    /// The shutdown deadline passed (owner's thread): a pending handler is cancelled and its request answered 503
    /// with <c>Connection: close</c>; the transport sends what it can and closes.
    /// </summary>
    public void AbortPending()
    {
        if (_waiting)
        {
            Expire(503, "The server shut down before the handler completed."u8);
        }
    }

    /// <summary>
    /// Returns the pooled buffers (the transport closed the connection). When a handler is still running, it may
    /// still read the request and write its response: they are returned when it completes (the transport calls
    /// this again after the wake).
    /// </summary>
    public void Release()
    {
        EndConnectionTelemetry();
        if (_waiting)
        {
            Abandon(new ClientDisconnectedException("The connection closed while the handler was pending."));
        }

        if (Volatile.Read(ref _buffersReturned) == 1 || (_holdsWork && !_work.IsCompleted)
            || Interlocked.Exchange(ref _buffersReturned, 1) == 1)
        {
            return;
        }

        if (_holdsWork)
        {
            Consume(); // a handler abandoned earlier has completed: observe how
        }

        _timer?.Dispose();
        ReleaseUpgraded();
        _exchange.Response.Release();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    bool IResponseTransport.CanSendNow => OnServeThread();

    void IResponseTransport.SendNow()
    {
        if (!OnServeThread())
        {
            // The handler awaited something and flushes from another thread: the worker sends, this thread waits.
            ((IResponseTransport)this).SendAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        var response = _exchange.Response;
        response.AppendChunk();
        ref var output = ref response.Output;
        _sender.SendBlocking(output.Written.Slice(_outputSent));
        output.Clear();
        _outputSent = 0;
    }

    ValueTask IResponseTransport.SendAsync()
    {
        var signal = _flushSignal ??= new ReusableSignal();
        if (_flushInFlight || Interlocked.Exchange(ref _flushRequested, 1) == 1)
        {
            return ValueTask.FromException(new InvalidOperationException("A flush is in progress: await FlushAsync before flushing again."));
        }

        var flushed = signal.WaitAsync();
        if (!OnServeThread())
        {
            _waker.Wake(); // parked (or about to be): the worker takes the chunk
        }

        return flushed;
    }

    private bool OnServeThread() => _serveThread == Environment.CurrentManagedThreadId;

    // The handler returned work that has not completed: wait for it without holding the worker.
    private void Park(ValueTask work, int route, int nextStart, bool close, int timeoutMilliseconds)
    {
        _work = work;
        _holdsWork = true;
        _workRoute = route;
        _workNextStart = nextStart;
        _workClose = close;
        _timeLimitFired = false;
        _abandoned = false;
        var limit = timeoutMilliseconds == HttpExchange.ServerTimeout
            ? (long)_options.HandlerTimeout.TotalMilliseconds
            : timeoutMilliseconds;
        _workDeadline = limit < 0 ? long.MaxValue : Environment.TickCount64 + limit;
        if (limit is >= 0 and <= PreciseTimeLimit)
        {
            // A short limit gets a timer of its own; a longer one is checked by the transport's once-a-second
            // housekeeping (WaitDeadline), which costs the request nothing.
            _timer ??= new Timer(static state => ((Http1Connection<TEndpoint>)state!).TimeLimitReached(), this, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(limit, Timeout.Infinite);
        }

        _waiting = true;
        work.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onWorkCompleted ??= _waker.Wake);
    }

    // Woken while parked (owner's thread): true when the handler completed and the pipeline goes on.
    private bool Resume()
    {
        if (Volatile.Read(ref _flushRequested) == 1 && Interlocked.Exchange(ref _flushRequested, 0) == 1)
        {
            // Only this thread appends to the output: the chunk moves there now, and the flush completes once the
            // transport has sent it (OutputSent).
            _flushInFlight = _exchange.Response.AppendChunk();
            if (!_flushInFlight)
            {
                _flushSignal!.Set(); // not a chunked response: nothing to send early
            }
        }

        ServeBodyRead(); // a streamed body's read: served from the window, or the transport receives
        if (!_waiting)
        {
            return false; // the body failed: answered without the handler
        }

        if (_work.IsCompleted)
        {
            Finish();
            return true;
        }

        if (_abortRequested)
        {
            Expire(503, "The server shut down before the handler completed."u8);
        }
        else if (_timeLimitFired && Environment.TickCount64 >= _workDeadline)
        {
            Expire(504, "The handler did not complete within its time limit."u8);
        }

        return false;
    }

    // The pending handler completed: answer its request, then go on with the pipeline.
    private void Finish()
    {
        _waiting = false;
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        var close = _workClose;
        var nextStart = _workNextStart;
        try
        {
            Consume();
            SettleStreamedBody(ref nextStart, ref close);
            Answer(RouteMatch.Handled(_workRoute));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            close |= Fault(exception);
        }

        Served(nextStart, close);
    }

    // Takes the completed work's outcome; a fault throws.
    private void Consume()
    {
        var work = _work;
        _work = default;
        _holdsWork = false;
        if (_abandoned)
        {
            // Abandoned earlier: its outcome is only worth a report when it is a fault other than the cancellation.
            try
            {
                work.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
            catch (ClientDisconnectedException)
            {
            }
            catch (RequestBodyException)
            {
                // the body failed and was answered: the handler's read told it so
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _server.ReportHandlerError(exception, _workRoute);
            }

            return;
        }

        work.GetAwaiter().GetResult();
    }

    // Answers a pending request without its handler (time limit, shutdown) and closes after the answer.
    private void Expire(int status, ReadOnlySpan<byte> detail)
    {
        var response = _exchange.Response;
        var headSent = response.HeadWritten;
        ExpiryTelemetry(status);
        Abandon(new OperationCanceledException("The request was answered without the handler: " + (status == 504 ? "its time limit expired." : "the server shut down.")));
        if (!headSent)
        {
            // The handler may still be writing its own response object: the answer is built apart and appended.
            var answer = new HttpResponse();
            answer.Reset(_exchange.Request.IsHead, close: true, keepAliveHeader: false, transport: null);
            answer.WriteProblem(status, detail);
            response.Output.Write(answer.Output.Written);
            answer.Release();
        }

        _server.CountRequest();
        _closeAfterOutput = true; // the handler still holds the request's buffer and exchange: no next request here
    }

    // The request is answered (or dropped) without its handler, which may still run: cancel its token, discard
    // what it writes from now on, and fail a flush it waits for.
    private void Abandon(Exception flushError)
    {
        EndRequestTelemetry(0, "client_disconnected"); // unless Expire answered it first
        _waiting = false;
        _abandoned = true;
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        _exchange.Response.Abandon();
        _exchange.Abort();
        FailBodyRead(flushError);
        if (Interlocked.Exchange(ref _flushRequested, 0) == 1 || _flushInFlight)
        {
            _flushInFlight = false;
            _flushSignal!.Fail(flushError);
        }
    }

    // After a handler that did not go async: a flush it asked for and did not await is simply part of the output.
    private void SettleFlush()
    {
        if (Volatile.Read(ref _flushRequested) == 1 && Interlocked.Exchange(ref _flushRequested, 0) == 1)
        {
            _flushSignal!.Set();
        }
    }
}
