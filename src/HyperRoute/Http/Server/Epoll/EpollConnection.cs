using System;
using System.Runtime.InteropServices;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>
/// A connection owned by one <see cref="EpollWorker{TEndpoint}"/>: a non-blocking socket whose readiness events
/// drive its <see cref="Http1Connection{TEndpoint}"/>. Only the worker's thread touches it: a pending handler's
/// completion (on any thread) reaches it through <see cref="Wake"/>, which queues it to the worker.
/// </summary>
internal sealed unsafe partial class EpollConnection<TEndpoint> : IBlockingSender, IConnectionWaker
    where TEndpoint : struct, IHttpEndpoint
{
    private const int LingerMilliseconds = 1000;
    private const int BlockingSendTimeoutMilliseconds = 30_000;

    private readonly EpollWorker<TEndpoint> _worker;
    private readonly Http1Connection<TEndpoint> _protocol;
    private readonly int _fd;
    private bool _writeBlocked;
    private bool _closeWhenSent;
    private bool _lingering;
    private bool _closed;
    private bool _inputDisarmed; // a handler is pending and pipelined bytes arrived: EPOLLIN is off until it completes
    private long _deadline;

    public EpollConnection(EpollWorker<TEndpoint> worker, HttpServer<TEndpoint> server, TEndpoint endpoint, int fd, int slot)
    {
        _worker = worker;
        _fd = fd;
        Slot = slot;
        _protocol = new Http1Connection<TEndpoint>(server, endpoint, this, this);
        _deadline = _protocol.Deadline(Environment.TickCount64);
    }

    /// <summary>The connection's index in its worker's table (its epoll token).</summary>
    public int Slot { get; }

    public void OnEvents(uint events)
    {
        if (_protocol.IsWaiting && !_protocol.IsReceivingBody && !_writeBlocked)
        {
            OnEventsWhileWaiting(events);
            return;
        }

        if (_writeBlocked)
        {
            if ((events & (Native.EpollErr | Native.EpollHup)) != 0)
            {
                Close(); // the client is gone while we still had responses for it
            }
            else if ((events & Native.EpollOut) != 0)
            {
                OnWritable();
            }

            return;
        }

        if ((events & (Native.EpollIn | Native.EpollRdHup | Native.EpollHup | Native.EpollErr)) != 0)
        {
            OnReadable();
        }
    }

    public void CheckTimeout(long now)
    {
        if (now < _deadline || _closed)
        {
            return;
        }

        if (_lingering || _writeBlocked)
        {
            Close(); // the client stopped reading, or never finished sending after our close
            return;
        }

        if (_protocol.IsWaiting && !_protocol.IsReceivingBody)
        {
            _deadline = long.MaxValue;
            _protocol.TimeLimitReached(); // the pending handler's (long) limit: answered 504 at the wake
            return;
        }

        _protocol.TimedOut();
        Drive();
    }

    public void BeginClose()
    {
        _protocol.BeginClose();
        if (!_writeBlocked && !_lingering && _protocol.IsBetweenRequests)
        {
            Drive(); // nothing in progress: the protocol says close
        }
    }

    /// <summary>Drops the connection now; a pending handler is cancelled and its request answered 503 first.</summary>
    public void Abort()
    {
        if (!_closed && _protocol.IsWaiting)
        {
            _protocol.AbortPending();
            Send(); // what the socket takes now; nothing waits for the rest
        }

        Close();
    }

    /// <inheritdoc />
    public void Wake() => _worker.Post(this);

    /// <summary>On the worker (or, once it has exited, on the waking thread): a pending handler's event.</summary>
    public void OnWake()
    {
        if (_closed)
        {
            _protocol.Release(); // a handler that outlived its connection completed: its buffers go back now
            return;
        }

        if (!_writeBlocked && !_lingering)
        {
            Drive(); // otherwise the pending output goes first, and EPOLLOUT drives the connection on
        }
        else if (_writeBlocked && _protocol.DropsWhileBlocked())
        {
            Close(); // a receiver too slow for its queue: it reads nothing more, so nothing waits for the output
        }
    }

    void IBlockingSender.SendBlocking(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            var sent = 0;
            while (sent < bytes.Length)
            {
                var n = Native.Send(_fd, start + sent, bytes.Length - sent, Native.MsgNoSignal);
                if (n > 0)
                {
                    sent += (int)n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno == Native.EAgain)
                {
                    var poll = new Native.PollFd { Fd = _fd, Events = Native.PollOut };
                    if (Native.Poll(&poll, 1, BlockingSendTimeoutMilliseconds) <= 0)
                    {
                        throw new ClientDisconnectedException("The client did not accept the streamed response in time.");
                    }

                    continue;
                }

                if (n < 0 && errno == Native.EIntr)
                {
                    continue;
                }

                throw new ClientDisconnectedException($"Sending the streamed response failed (errno {errno}).");
            }
        }
    }

    // A handler is pending and nothing waits to be sent: the client leaving is what matters.
    private void OnEventsWhileWaiting(uint events)
    {
        if ((events & (Native.EpollRdHup | Native.EpollHup | Native.EpollErr)) != 0)
        {
            _protocol.ClientGone(); // cancels the handler's token; nothing is written to the dead socket
            Close();
            return;
        }

        if ((events & Native.EpollIn) != 0 && !_inputDisarmed)
        {
            // Pipelined bytes: they wait in the socket until the handler completes (level-triggered EPOLLIN would
            // fire again and again). EPOLLRDHUP stays, so a disconnect is still seen.
            _inputDisarmed = true;
            _worker.Control(Native.EpollCtlMod, _fd, Native.EpollRdHup, (ulong)Slot);
        }
    }

    private void OnReadable()
    {
        if (_lingering)
        {
            Drain();
            return;
        }

        var space = _protocol.ReceiveSpace;
        nint received;
        fixed (byte* buffer = space.Span)
        {
            received = Native.Receive(_fd, buffer, space.Length, 0);
        }

        if (received > 0)
        {
            _protocol.Received((int)received);
            Drive();
            return;
        }

        if (received < 0 && Marshal.GetLastPInvokeError() is Native.EAgain or Native.EIntr)
        {
            return;
        }

        Close(); // end of stream or a reset: the client is gone, nothing more to answer
    }

    private void OnWritable()
    {
        if (!Send())
        {
            return;
        }

        _writeBlocked = false;
        _inputDisarmed = false;
        _worker.Control(Native.EpollCtlMod, _fd, Native.EpollIn | Native.EpollRdHup, (ulong)Slot);
        if (_closeWhenSent)
        {
            Linger();
            return;
        }

        Drive();
    }

    // Serve what is buffered, send the answers, and decide what to wait for next.
    private void Drive()
    {
        while (!_closed)
        {
            var next = _protocol.Run();
            _closeWhenSent = next == Http1Connection<TEndpoint>.Next.Close;
            if (!Send())
            {
                return; // waiting for EPOLLOUT (or closed on a send error)
            }

            _protocol.OutputSent();
            if (_closeWhenSent)
            {
                Linger();
                return;
            }

            if (next == Http1Connection<TEndpoint>.Next.Wait)
            {
                _deadline = _protocol.WaitDeadline; // the handler's time limit bounds the wait (a short one has its own timer)
                return;
            }

            if (_inputDisarmed)
            {
                _inputDisarmed = false;
                _worker.Control(Native.EpollCtlMod, _fd, Native.EpollIn | Native.EpollRdHup, (ulong)Slot);
            }

            if (next != Http1Connection<TEndpoint>.Next.SendThenRun)
            {
                _deadline = _protocol.Deadline(Environment.TickCount64);
                return;
            }
        }
    }

    // Sends the pending output; false when the socket is full (EPOLLOUT armed) or failed (closed).
    private bool Send()
    {
        while (true)
        {
            var pending = _protocol.PendingOutput;
            if (pending.IsEmpty)
            {
                return true;
            }

            nint sent;
            fixed (byte* buffer = pending.Span)
            {
                sent = Native.Send(_fd, buffer, pending.Length, Native.MsgNoSignal);
            }

            if (sent > 0)
            {
                _protocol.Sent((int)sent);
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (sent < 0 && errno == Native.EAgain)
            {
                if (!_writeBlocked)
                {
                    _writeBlocked = true;
                    _deadline = Environment.TickCount64 + BlockingSendTimeoutMilliseconds;
                    // EPOLLOUT only: a client that half-closed would keep a level-triggered EPOLLRDHUP firing, and
                    // the loop would spin until it reads. A reset still wakes us (as EPOLLOUT with EPOLLERR).
                    _worker.Control(Native.EpollCtlMod, _fd, Native.EpollOut, (ulong)Slot);
                }

                return false;
            }

            if (sent < 0 && errno == Native.EIntr)
            {
                continue;
            }

            Close();
            return false;
        }
    }

    // Close cleanly: FIN after the last response, then read and drop what the client still sends for a
    // moment, so that unread input does not turn the close into a reset that destroys the response in flight.
    private void Linger()
    {
        _lingering = true;
        _deadline = Environment.TickCount64 + LingerMilliseconds;
        Native.Shutdown(_fd, Native.ShutWr);
        Drain();
    }

    private void Drain()
    {
        var scratch = stackalloc byte[1024];
        while (true)
        {
            var n = Native.Receive(_fd, scratch, 1024, 0);
            if (n > 0)
            {
                continue;
            }

            if (n < 0 && Marshal.GetLastPInvokeError() is Native.EAgain or Native.EIntr)
            {
                return; // wait for more, or for the linger deadline
            }

            Close();
            return;
        }
    }

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Native.Close(_fd); // also removes it from the epoll set
        _protocol.Release();
        _worker.Closed(this);
    }
}
