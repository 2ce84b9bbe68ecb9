using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>
/// One event-loop thread on Linux: its own listening socket (<c>SO_REUSEPORT</c>), its own epoll instance, and
/// the connections it accepted. Readiness events drive receive → parse → serve → send directly on this
/// thread: no thread-pool hops, no async state machines, one <c>recv</c> and one <c>send</c> per batch of
/// pipelined requests. Handlers run on this thread, so a handler that blocks holds up the worker's other
/// connections; an asynchronous handler that awaits parks its connection instead, and its completion comes back
/// through <see cref="Post"/> (a queue and an <c>eventfd</c> wake), so only this thread touches a connection.
/// </summary>
internal sealed unsafe partial class EpollWorker<TEndpoint> : EventLoop
    where TEndpoint : struct, IHttpEndpoint
{
    private const int MaxEvents = 256;
    private const ulong ListenerToken = ulong.MaxValue;
    private const ulong WakeToken = ulong.MaxValue - 1;
    private const uint EpollExclusive = 1u << 28;
    private const int StoppingTickMilliseconds = 100;

    private readonly HttpServer<TEndpoint> _server;
    private readonly TEndpoint _endpoint;
    private readonly Socket _listener;
    private readonly int _listenFd;
    private readonly int _epoll;
    private readonly int _wake;
    private readonly List<EpollConnection<TEndpoint>?> _connections = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly ConcurrentQueue<EpollConnection<TEndpoint>> _woken = new();
    private readonly object _wakeLock = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopRequested;
    private long _stopDeadline = long.MaxValue;
    private bool _stopping;
    private int _open;
    private int _sleeping;      // 1 while the loop is (about to be) in epoll_wait: a post must wake it
    private int _wakeSignalled; // 1 once a post wrote the eventfd for this sleep: further posts need no system call
    private bool _exited;       // under _wakeLock: the loop has ended and the eventfd is closed

    public EpollWorker(HttpServer<TEndpoint> server, TEndpoint endpoint, Socket listener, bool sharedListener)
    {
        _server = server;
        _endpoint = endpoint;
        _listener = listener;
        _listenFd = (int)listener.Handle;
        _epoll = Check(Native.EpollCreate(Native.EpollCloexec), "epoll_create1");
        _wake = Check(Native.EventFd(0, Native.EfdNonblock | Native.EfdCloexec), "eventfd");
        Control(Native.EpollCtlAdd, _listenFd, Native.EpollIn | (sharedListener ? EpollExclusive : 0), ListenerToken);
        // Edge-triggered: every write is an event of its own, so the eventfd is never read (one system call per wake).
        Control(Native.EpollCtlAdd, _wake, Native.EpollIn | Native.EpollEt, WakeToken);
        var thread = new Thread(Run) { IsBackground = true, Name = "HyperRoute epoll worker" };
        thread.UnsafeStart();
    }

    /// <summary>Completes when the loop has closed every connection and exited.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Stops accepting and closes connections as their requests finish; after <paramref name="deadline"/>, closes the rest.</summary>
    public void Stop(TimeSpan deadline)
    {
        Interlocked.Exchange(ref _stopDeadline, Environment.TickCount64 + (long)deadline.TotalMilliseconds);
        _stopRequested = true;
        Signal();
    }

    /// <summary>
    /// From any thread: <paramref name="connection"/>'s pending handler has news (it completed, asked for a
    /// flush, or ran out of time). The worker picks it up at its next wake; once the loop has exited, the
    /// connection is handled on the calling thread (only its buffers are left to return).
    /// </summary>
    internal void Post(EpollConnection<TEndpoint> connection)
    {
        _woken.Enqueue(connection); // a full fence: the read of _sleeping below cannot move before it
        if (Volatile.Read(ref _sleeping) == 0 || Interlocked.Exchange(ref _wakeSignalled, 1) == 1)
        {
            return; // the loop is running and drains the queue before it sleeps, or a wake is already on its way
        }

        lock (_wakeLock)
        {
            if (!_exited)
            {
                ulong one = 1;
                Native.Write(_wake, &one, sizeof(ulong));
                return;
            }
        }

        DrainWoken();
    }

    // Wakes the loop from epoll_wait (any thread); nothing once it has exited.
    private void Signal()
    {
        lock (_wakeLock)
        {
            if (!_exited)
            {
                ulong one = 1;
                Native.Write(_wake, &one, sizeof(ulong));
            }
        }
    }

    internal void Control(int op, int fd, uint events, ulong token)
    {
        var buffer = stackalloc byte[16];
        *(uint*)buffer = events;
        *(ulong*)(buffer + Native.EventDataOffset) = token;
        Native.EpollCtl(_epoll, op, fd, buffer);
    }

    internal void Closed(EpollConnection<TEndpoint> connection)
    {
        _connections[connection.Slot] = null;
        _freeSlots.Push(connection.Slot);
        _open--;
        _server.ConnectionClosed();
    }

    private void Run()
    {
        var events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * Native.EventSize));
        SetCurrent(this);
        try
        {
            var nextTick = Environment.TickCount64 + 1000;
            while (!(_stopping && _open == 0))
            {
                // Posts that came while the loop ran are served without sleeping; from here on, a post wakes it.
                Interlocked.Exchange(ref _sleeping, 1);
                var due = Math.Min(nextTick, Volatile.Read(ref _handlerTick));
                var wait = _woken.IsEmpty ? (int)Math.Clamp(due - Environment.TickCount64, 0, 1000) : 0;
                var count = Native.EpollWait(_epoll, events, MaxEvents, wait);
                Volatile.Write(ref _sleeping, 0);
                Volatile.Write(ref _wakeSignalled, 0);
                if (count < 0 && Marshal.GetLastPInvokeError() != Native.EIntr)
                {
                    break;
                }

                for (var i = 0; i < count; i++)
                {
                    var entry = events + (i * Native.EventSize);
                    var flags = *(uint*)entry;
                    var token = *(ulong*)(entry + Native.EventDataOffset);
                    if (token == ListenerToken)
                    {
                        AcceptAll();
                    }
                    else if (token == WakeToken)
                    {
                        // Posted completions, a stop request: both are looked at after this batch of events.
                    }
                    else if ((token & HandlerFlag) != 0)
                    {
                        DispatchToHandler(token, flags);
                    }
                    else if (_connections[(int)token] is { } connection)
                    {
                        try
                        {
                            connection.OnEvents(flags);
                        }
                        catch (Exception exception) when (exception is not OutOfMemoryException)
                        {
                            // A server bug must not take the worker (and the process) down: drop this connection,
                            // count it and report it.
                            _server.ReportConnectionFault(exception);
                            connection.Abort();
                        }
                    }
                }

                DrainWoken();
                if (_stopRequested && !_stopping)
                {
                    BeginStop();
                    nextTick = Environment.TickCount64 + StoppingTickMilliseconds;
                }

                var now = Environment.TickCount64;
                TickHandlers(now);
                if (now >= nextTick)
                {
                    // While stopping, lingering closes and the deadline are looked at ten times a second, so a stop
                    // with only idle connections ends about one linger after it began, not up to a tick later.
                    nextTick = now + (_stopping ? StoppingTickMilliseconds : 1000);
                    Tick(now);
                }
            }
        }
        finally
        {
            foreach (var connection in _connections)
            {
                connection?.Abort();
            }

            ExitHandlers();
            SetCurrent(null);
            NativeMemory.Free(events);
            lock (_wakeLock)
            {
                _exited = true;
                Native.Close(_wake);
            }

            DrainWoken(); // posts that came before the exit; later ones are handled by their posting thread
            Native.Close(_epoll);
            _stopped.TrySetResult();
        }
    }

    private void DrainWoken()
    {
        while (_woken.TryDequeue(out var connection))
        {
            try
            {
                connection.OnWake();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _server.ReportConnectionFault(exception);
                connection.Abort();
            }
        }
    }

    private void AcceptAll()
    {
        while (!_stopping)
        {
            var fd = Native.Accept(_listenFd, null, null, Native.SockNonblock | Native.SockCloexec);
            if (fd < 0)
            {
                return; // EAGAIN: no more pending; other errors (the client left already) are nothing to act on
            }

            var one = 1;
            Native.SetSockOpt(fd, Native.IpProtoTcp, Native.TcpNoDelay, &one, sizeof(int));
            var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _connections.Count;
            var connection = new EpollConnection<TEndpoint>(this, _server, _endpoint, fd, slot);
            if (slot == _connections.Count)
            {
                _connections.Add(connection);
            }
            else
            {
                _connections[slot] = connection;
            }

            _open++;
            _server.ConnectionAccepted();
            Control(Native.EpollCtlAdd, fd, Native.EpollIn | Native.EpollRdHup, (ulong)slot);
        }
    }

    private void BeginStop()
    {
        _stopping = true;
        Control(Native.EpollCtlDel, _listenFd, 0, 0);
        foreach (var connection in _connections.ToArray())
        {
            try
            {
                connection?.BeginClose();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _server.ReportConnectionFault(exception);
                connection!.Abort();
            }
        }
    }

    private void Tick(long now)
    {
        var abort = _stopping && now >= Interlocked.Read(ref _stopDeadline);
        // By index, not over a copy: this runs every second, and a copy would be the worker's only allocation in
        // steady state. Closing a connection empties its slot and nothing is accepted meanwhile, so the list
        // keeps its length.
        for (var i = 0; i < _connections.Count; i++)
        {
            var connection = _connections[i];
            if (connection is null)
            {
                continue;
            }

            if (abort)
            {
                connection.Abort();
            }
            else
            {
                try
                {
                    connection.CheckTimeout(now);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    _server.ReportConnectionFault(exception);
                    connection.Abort();
                }
            }
        }
    }

    private static int Check(int result, string call)
        => result >= 0 ? result : throw new SocketException(Marshal.GetLastPInvokeError(), $"{call} failed");
}
