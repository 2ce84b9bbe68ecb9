using System;
using System.Threading;

namespace HyperRoute.Messaging.Sources;

/// <summary>The counters the socket sources share: incremented with interlocked operations, read with <c>Interlocked.Read</c>.</summary>
internal sealed class SourceCounters
{
    public long Frames;
    public long Bytes;
    public long FramesRejected;
    public long HandlerErrors;
    public long ConnectionsAccepted;
    public long ConnectionsDropped;
    public long Faults;
    public int ConnectionsOpen;

    public void AddDelivered(long frames, long bytes)
    {
        if (frames != 0)
        {
            Interlocked.Add(ref Frames, frames);
            Interlocked.Add(ref Bytes, bytes);
        }
    }

    /// <summary>Counts a handler failure and tells the callback, which must not take the loop down with it.</summary>
    public void ReportHandlerError(Exception exception, Action<Exception>? callback)
    {
        Interlocked.Increment(ref HandlerErrors);
        try
        {
            callback?.Invoke(exception);
        }
        catch (Exception)
        {
            // A failing error callback must not take the source down with it.
        }
    }
}
