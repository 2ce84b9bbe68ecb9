using System;
using System.Threading;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>
/// An epoll worker's loop as the rest of the runtime sees it: besides the server's own connections, it can watch
/// descriptors for other owners (a proxy's backend sockets), so their readiness is handled on the worker's thread
/// and a request waiting for a backend costs no thread hop. <see cref="Current"/> is the loop of the calling thread
/// (<see langword="null"/> off the workers).
/// </summary>
internal abstract class EventLoop
{
    [ThreadStatic]
    private static EventLoop? t_current;

    private static int s_lastId = -1;

    protected EventLoop() => Id = Interlocked.Increment(ref s_lastId);

    /// <summary>The loop the calling thread runs, if it is a worker's.</summary>
    public static EventLoop? Current => t_current;

    /// <summary>Unique in the process and never reused, small: an index for per-loop state such as connection pools.</summary>
    public int Id { get; }

    /// <summary>
    /// Watches <paramref name="fd"/> for <paramref name="events"/> (edge-triggered flags included as given) on behalf of
    /// <paramref name="handler"/>, whose callbacks then run on this loop's thread. Any thread. Throws when the loop has
    /// exited.
    /// </summary>
    public abstract LoopRegistration Register(ILoopHandler handler, int fd, uint events);

    /// <summary>
    /// Forgets a registration (any thread); call it before closing the descriptor. Events already taken from the kernel
    /// for it are dropped.
    /// </summary>
    public abstract void Unregister(LoopRegistration registration);

    /// <summary>
    /// Asks for <see cref="ILoopHandler.OnTick"/> calls on this loop once <see cref="Environment.TickCount64"/> reaches
    /// <paramref name="at"/> (any thread; the earliest request wins, handlers check their own deadlines).
    /// </summary>
    public abstract void RequestTick(long at);

    protected static void SetCurrent(EventLoop? loop) => t_current = loop;
}

/// <summary>A descriptor a loop watches for an <see cref="ILoopHandler"/>: its slot and the slot's generation.</summary>
internal readonly record struct LoopRegistration(int Slot, uint Generation);

/// <summary>The owner of a descriptor an <see cref="EventLoop"/> watches. Every callback runs on the loop's thread.</summary>
internal interface ILoopHandler
{
    /// <summary>The descriptor's readiness (epoll flags).</summary>
    void OnEvents(uint events);

    /// <summary>A time the handler (or another) asked for with <see cref="EventLoop.RequestTick"/> came.</summary>
    void OnTick(long now);

    /// <summary>The loop is exiting: close the descriptor and fail whatever waits on it.</summary>
    void OnLoopExit();
}
