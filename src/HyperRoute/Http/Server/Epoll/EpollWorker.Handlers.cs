using System;
using System.Collections.Generic;
using System.Threading;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>
/// Descriptors the worker watches for other owners (<see cref="ILoopHandler"/>: a proxy's backend sockets). Their
/// tokens carry <see cref="HandlerFlag"/>, a slot and the slot's generation, so an event the kernel reported before a
/// slot was reused never reaches the new owner. Registration is rare (a backend connect or close) and locked; the
/// dispatch on every event reads the table without a lock.
/// </summary>
internal sealed unsafe partial class EpollWorker<TEndpoint>
{
    private const ulong HandlerFlag = 1UL << 62;

    private readonly object _handlersLock = new();
    private readonly Stack<int> _freeHandlerSlots = new();
    private readonly List<ILoopHandler> _handlerSnapshot = new();
    private HandlerEntry[] _handlers = new HandlerEntry[16];
    private int _handlerCount;
    private long _handlerTick = long.MaxValue; // when OnTick is due (Environment.TickCount64); long.MaxValue: never
    private bool _handlersClosed;              // under _handlersLock: the loop is exiting, nothing more registers

    public override LoopRegistration Register(ILoopHandler handler, int fd, uint events)
    {
        LoopRegistration registration;
        lock (_handlersLock)
        {
            if (_handlersClosed)
            {
                throw new ObjectDisposedException(nameof(EventLoop), "The worker's loop has exited.");
            }

            var slot = _freeHandlerSlots.Count > 0 ? _freeHandlerSlots.Pop() : _handlerCount++;
            if (slot == _handlers.Length)
            {
                var larger = new HandlerEntry[_handlers.Length * 2];
                Array.Copy(_handlers, larger, _handlers.Length);
                Volatile.Write(ref _handlers, larger);
            }

            var generation = (_handlers[slot].Generation + 1) & 0x3FFF_FFFF; // 30 bits of the token
            _handlers[slot] = new HandlerEntry(handler, generation);
            registration = new LoopRegistration(slot, generation);
        }

        Control(Native.EpollCtlAdd, fd, events, HandlerFlag | ((ulong)registration.Generation << 32) | (uint)registration.Slot);
        return registration;
    }

    public override void Unregister(LoopRegistration registration)
    {
        lock (_handlersLock)
        {
            ref var entry = ref _handlers[registration.Slot];
            if (entry.Generation == registration.Generation && entry.Handler is not null)
            {
                entry = new HandlerEntry(null, entry.Generation);
                _freeHandlerSlots.Push(registration.Slot);
            }
        }
    }

    public override void RequestTick(long at)
    {
        var current = Volatile.Read(ref _handlerTick);
        while (at < current)
        {
            var seen = Interlocked.CompareExchange(ref _handlerTick, at, current);
            if (seen == current)
            {
                if (Current != this)
                {
                    Signal(); // the loop may sleep past it: wake it to look again
                }

                return;
            }

            current = seen;
        }
    }

    private void DispatchToHandler(ulong token, uint events)
    {
        var handlers = Volatile.Read(ref _handlers);
        var slot = (int)(uint)token;
        if (slot >= handlers.Length)
        {
            return;
        }

        var entry = handlers[slot];
        if (entry.Handler is null || entry.Generation != (uint)(token >> 32 & 0x3FFF_FFFF))
        {
            return; // closed, or the slot moved on since the kernel reported this event
        }

        try
        {
            entry.Handler.OnEvents(events);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _server.ReportConnectionFault(exception); // a bug in the owner must not take the worker down
        }
    }

    // The earliest time a handler asked for has come: every handler looks at its own deadlines.
    private void TickHandlers(long now)
    {
        if (now < Volatile.Read(ref _handlerTick))
        {
            return;
        }

        Volatile.Write(ref _handlerTick, long.MaxValue); // handlers still waiting ask again
        foreach (var handler in SnapshotHandlers())
        {
            try
            {
                handler.OnTick(now);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _server.ReportConnectionFault(exception);
            }
        }

        _handlerSnapshot.Clear(); // holds no handler past the pass
    }

    // The loop is exiting: every owner closes its descriptor and fails what waits on it.
    private void ExitHandlers()
    {
        lock (_handlersLock)
        {
            _handlersClosed = true;
        }

        foreach (var handler in SnapshotHandlers())
        {
            try
            {
                handler.OnLoopExit();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _server.ReportConnectionFault(exception);
            }
        }

        _handlerSnapshot.Clear(); // holds no handler past the pass
    }

    // A copy, since a callback may register or unregister; the loop's thread alone takes it, into a list it reuses.
    private List<ILoopHandler> SnapshotHandlers()
    {
        var handlers = _handlerSnapshot;
        handlers.Clear();
        lock (_handlersLock)
        {
            for (var i = 0; i < _handlerCount; i++)
            {
                if (_handlers[i].Handler is { } handler)
                {
                    handlers.Add(handler);
                }
            }
        }

        return handlers;
    }

    private readonly record struct HandlerEntry(ILoopHandler? Handler, uint Generation);
}
