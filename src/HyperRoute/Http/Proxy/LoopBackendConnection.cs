using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using HyperRoute.Http.Server.Epoll;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// A backend connection watched by the epoll worker that serves the client: a non-blocking socket registered
/// edge-triggered on the worker's loop, so the backend's answer is read and passed on by the thread that waits for it,
/// with no thread hop, no system call beyond <c>send</c> and <c>recv</c>, and no allocation. An operation (connect,
/// send, receive) is tried at once and, when the socket is not ready, completes on the loop at the readiness event,
/// running its continuation there.
/// </summary>
/// <remarks>
/// Operations may start on any thread (a streamed response continues on the thread pool after a flush); every system
/// call on the descriptor and every state change happens under one lock, and completions run outside it. While idle in
/// the pool, any read event means the backend closed the connection or sent something unasked: it is not reused.
/// </remarks>
internal sealed class LoopBackendConnection : BackendConnection, ILoopHandler, IValueTaskSource<int>, IValueTaskSource
{
    private const uint WatchedEvents = Native.EpollIn | Native.EpollOut | Native.EpollRdHup | Native.EpollEt;

    private readonly EventLoop _loop;
    private readonly object _gate = new();
    private ManualResetValueTaskSourceCore<int> _core; // continuations run inline: on the loop, where completions happen
    private LoopRegistration _registration;
    private int _fd = -1;
    private bool _registered;
    private Operation _operation;
    private ReadOnlyMemory<byte> _unsent;
    private long _deadline;
    private bool _readable = true; // no edge seen yet: try the socket before waiting for one
    private bool _writable;
    private bool _hungUp;          // the backend closed its side or the connection failed: its edge will not come again
    private bool _idle;            // in the pool
    private bool _dead;            // closed by either side or failed: never reused

    private LoopBackendConnection(ConnectionPool pool, EventLoop loop, int bufferSize)
        : base(pool, bufferSize) => _loop = loop;

    private enum Operation : byte
    {
        None,
        Connect,
        Send,
        Receive,
    }

    /// <summary>Connects to <paramref name="address"/> (a native <c>sockaddr</c>) from <paramref name="loop"/>.</summary>
    public static async ValueTask<BackendConnection> ConnectAsync(ConnectionPool pool, EventLoop loop, byte[] address, AddressFamily family, int bufferSize, int timeoutMilliseconds)
    {
        var connection = new LoopBackendConnection(pool, loop, bufferSize);
        try
        {
            await connection.StartConnect(address, family, timeoutMilliseconds).ConfigureAwait(false);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    public override ValueTask SendAsync(ReadOnlyMemory<byte> bytes, int timeoutMilliseconds)
    {
        short version;
        lock (_gate)
        {
            if (_fd < 0)
            {
                return ValueTask.FromException(Aborted());
            }

            var error = SendSome(ref bytes);
            if (error != 0)
            {
                _dead = true;
                return ValueTask.FromException(Native.SocketError(error));
            }

            if (bytes.IsEmpty)
            {
                return default;
            }

            _unsent = bytes;
            version = Wait(Operation.Send, timeoutMilliseconds);
        }

        _loop.RequestTick(_deadline);
        return new ValueTask(this, version);
    }

    public override unsafe bool BecomeIdle()
    {
        lock (_gate)
        {
            if (_dead || _fd < 0)
            {
                return false;
            }

            if (_readable)
            {
                // An edge came after the response's last byte (or that read filled the buffer): look without taking.
                byte probe;
                var peeked = Native.Receive(_fd, &probe, 1, Native.MsgPeek | Native.MsgDontWait);
                if (peeked >= 0 || Marshal.GetLastPInvokeError() != Native.EAgain)
                {
                    _dead = true; // it closed, reset, or spoke unasked
                    return false;
                }

                _readable = false;
            }

            _idle = true;
            return true;
        }
    }

    void ILoopHandler.OnEvents(uint events)
    {
        int result;
        Exception? error;
        lock (_gate)
        {
            if ((events & (Native.EpollRdHup | Native.EpollHup | Native.EpollErr)) != 0)
            {
                _hungUp = true;
            }

            if ((events & (Native.EpollIn | Native.EpollRdHup | Native.EpollHup | Native.EpollErr)) != 0)
            {
                _readable = true;
                _dead |= _idle; // idle: the backend closed it or sent something nobody asked for
            }

            if ((events & (Native.EpollOut | Native.EpollHup | Native.EpollErr)) != 0)
            {
                _writable = true;
            }

            if (!TryProgress(out result, out error))
            {
                return;
            }
        }

        Complete(result, error);
    }

    void ILoopHandler.OnTick(long now)
    {
        lock (_gate)
        {
            if (_operation == Operation.None)
            {
                return;
            }

            if (now < _deadline)
            {
                _loop.RequestTick(_deadline);
                return;
            }

            _operation = Operation.None;
            _unsent = default;
            _dead = true;
        }

        Complete(0, new TimeoutException("The backend did not answer in time."));
    }

    void ILoopHandler.OnLoopExit() => Close(); // the socket closes; the pool disposes the connection when it finds it defunct

    protected override bool IsBroken => Volatile.Read(ref _fd) < 0;

    protected override ValueTask<int> ReceiveAsync(int timeoutMilliseconds)
    {
        short version;
        lock (_gate)
        {
            if (_fd < 0)
            {
                return ValueTask.FromException<int>(Aborted());
            }

            if (_readable)
            {
                var received = ReceiveSome(out var error);
                if (error != 0)
                {
                    _dead = true;
                    return ValueTask.FromException<int>(Native.SocketError(error));
                }

                if (received >= 0)
                {
                    return new ValueTask<int>(received);
                }
            }

            version = Wait(Operation.Receive, timeoutMilliseconds);
        }

        _loop.RequestTick(_deadline);
        return new ValueTask<int>(this, version);
    }

    protected override bool TryLeaveIdle()
    {
        lock (_gate)
        {
            if (_dead || _fd < 0)
            {
                return false;
            }

            _idle = false;
            return true;
        }
    }

    protected override void Close()
    {
        bool waiting;
        lock (_gate)
        {
            waiting = _operation != Operation.None;
            _operation = Operation.None;
            CloseSocket();
        }

        if (waiting)
        {
            Complete(0, Aborted());
        }
    }

    int IValueTaskSource<int>.GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
        }
    }

    void IValueTaskSource.GetResult(short token) => ((IValueTaskSource<int>)this).GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    private static SocketException Aborted() => new((int)SocketError.ConnectionAborted);

    private unsafe ValueTask StartConnect(byte[] address, AddressFamily family, int timeoutMilliseconds)
    {
        var fd = Native.Socket(Native.Domain(family), Native.SockStream | Native.SockNonblock | Native.SockCloexec, 0);
        if (fd < 0)
        {
            return ValueTask.FromException(Native.SocketError(Marshal.GetLastPInvokeError()));
        }

        var one = 1;
        Native.SetSockOpt(fd, Native.IpProtoTcp, Native.TcpNoDelay, &one, sizeof(int));
        short version;
        lock (_gate)
        {
            _fd = fd;
            int result;
            fixed (byte* sockaddr = address)
            {
                result = Native.Connect(fd, sockaddr, address.Length);
            }

            var errno = result == 0 ? 0 : Marshal.GetLastPInvokeError();
            if (errno != 0 && errno != Native.EInProgress)
            {
                return ValueTask.FromException(Native.SocketError(errno));
            }

            // Watched once the connect is under way: a socket not yet connecting polls as hung up, and that stale edge
            // would reach the connect. A connect that completes before the registration is reported by it.
            _registration = _loop.Register(this, fd, WatchedEvents);
            _registered = true;
            if (errno == 0)
            {
                _writable = true;
                return default;
            }

            version = Wait(Operation.Connect, timeoutMilliseconds);
        }

        _loop.RequestTick(_deadline);
        return new ValueTask(this, version);
    }

    // Under the lock: the operation waits for the loop (or its deadline).
    private short Wait(Operation operation, int timeoutMilliseconds)
    {
        _operation = operation;
        _deadline = Environment.TickCount64 + timeoutMilliseconds;
        return _core.Version;
    }

    // Under the lock, after a readiness event: true when the waiting operation is done (with result or error).
    private unsafe bool TryProgress(out int result, out Exception? error)
    {
        result = 0;
        error = null;
        switch (_operation)
        {
            case Operation.Connect when _writable:
                int code = 0, length = sizeof(int);
                Native.GetSockOpt(_fd, Native.SolSocket, Native.SoError, &code, &length);
                error = code == 0 ? null : Native.SocketError(code);
                _dead = code != 0;
                break;
            case Operation.Send when _writable:
                var errno = SendSome(ref _unsent);
                if (errno == 0 && !_unsent.IsEmpty)
                {
                    return false; // the rest waits for the next writable edge
                }

                error = errno == 0 ? null : Native.SocketError(errno);
                _dead |= errno != 0;
                _unsent = default;
                break;
            case Operation.Receive when _readable:
                result = ReceiveSome(out var receiveError);
                if (receiveError != 0)
                {
                    error = Native.SocketError(receiveError);
                    _dead = true;
                }
                else if (result < 0)
                {
                    return false; // a spurious edge: wait for the next
                }

                break;
            default:
                return false;
        }

        _operation = Operation.None;
        return true;
    }

    // Under the lock: sends what the socket takes; 0, or the errno of a failure (EAGAIN is no failure).
    private unsafe int SendSome(ref ReadOnlyMemory<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            nint sent;
            fixed (byte* start = bytes.Span)
            {
                sent = Native.Send(_fd, start, bytes.Length, Native.MsgNoSignal | Native.MsgDontWait);
            }

            if (sent < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Native.EAgain)
                {
                    _writable = false;
                    return 0;
                }

                if (errno == Native.EIntr)
                {
                    continue;
                }

                return errno;
            }

            bytes = bytes.Slice((int)sent);
        }

        return 0;
    }

    // Under the lock: one recv into the buffer after End. The count (0: the backend closed), or -1 when nothing is
    // there yet (the next edge tells); error is the errno of a failure.
    private unsafe int ReceiveSome(out int error)
    {
        error = 0;
        var free = Buffer.Length - End;
        nint received;
        do
        {
            fixed (byte* start = Buffer.AsSpan(End))
            {
                received = Native.Receive(_fd, start, free, Native.MsgDontWait);
            }
        }
        while (received < 0 && Marshal.GetLastPInvokeError() == Native.EIntr);

        if (received < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Native.EAgain)
            {
                _readable = false;
                return -1;
            }

            error = errno;
            return -1;
        }

        End += (int)received;
        if (received == 0)
        {
            _dead = true;
        }
        else if (received < free && !_hungUp)
        {
            // Drained: more data raises a new edge. Not so after a hang-up: its edge came already, and the end of the
            // stream (or the error) is still to be read behind the data.
            _readable = false;
        }

        return (int)received;
    }

    private void Complete(int result, Exception? error)
    {
        if (error is null)
        {
            _core.SetResult(result);
        }
        else
        {
            _core.SetException(error);
        }
    }

    // Under the lock.
    private void CloseSocket()
    {
        _dead = true;
        if (_fd < 0)
        {
            return;
        }

        if (_registered)
        {
            _loop.Unregister(_registration);
        }

        Native.Close(_fd);
        _fd = -1;
    }
}
