using System;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// Where <see cref="FrameContext.Suspend"/> leaves a handler's pending work for its source to take once
/// <see cref="IFrameHandler.OnFrame"/> returned. One per TCP connection and per UDP source (delivery there is
/// sequential), one per thread for <see cref="InProcessSource{THandler}"/>; never allocated per frame.
/// </summary>
internal sealed class PendingFrame
{
    [ThreadStatic]
    private static PendingFrame? t_inProcess;

    private ValueTask _work;
    private bool _suspended;

    /// <summary>The slot of the calling thread, for a source whose callers deliver on their own threads.</summary>
    public static PendingFrame ForCurrentThread => t_inProcess ??= new PendingFrame();

    /// <summary>Stores <paramref name="work"/> for the source.</summary>
    public void Suspend(ValueTask work)
    {
        if (_suspended)
        {
            throw new InvalidOperationException("A frame's handler hands over its work once: Suspend was already called for this frame.");
        }

        _work = work;
        _suspended = true;
    }

    /// <summary>
    /// After <see cref="IFrameHandler.OnFrame"/> returned: the work it suspended, if any (the slot is empty again).
    /// A handler that completed synchronously left nothing: <see langword="false"/>, one field read.
    /// </summary>
    public bool TryTake(out ValueTask work)
    {
        if (!_suspended)
        {
            work = default;
            return false;
        }

        work = _work;
        _work = default;
        _suspended = false;
        return true;
    }

    /// <summary>Empties the slot after a handler threw once it had suspended (the work is abandoned with the frame).</summary>
    public void Clear()
    {
        _work = default;
        _suspended = false;
    }
}
