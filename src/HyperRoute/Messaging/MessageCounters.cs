using System;
using System.Diagnostics;
using System.Threading;

namespace HyperRoute.Messaging;

/// <summary>
/// Counts the <see cref="MessageOutcome"/>s of a message router, shared by every connection of a source that feeds it:
/// incremented with interlocked operations, read with a consistent-enough snapshot for reporting.
/// </summary>
public sealed class MessageCounters
{
    // When the current thread's source handed its frame to the handler (Stopwatch.GetTimestamp), 0 when not timed:
    // set only while messaging.process.duration is enabled, taken (and cleared) by the first Count on this thread.
    [ThreadStatic]
    private static long t_started;

    private readonly bool _publish = true;
    private long _routed;
    private long _unrouted;
    private long _rejected;
    private long _malformed;
    private long _undelivered;

    /// <summary>Messages a handler took.</summary>
    public long Routed => Interlocked.Read(ref _routed);

    /// <summary>Messages no handler takes (dropped).</summary>
    public long Unrouted => Interlocked.Read(ref _unrouted);

    /// <summary>Messages a validator refused (dropped).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Frames that did not hold exactly one message (dropped).</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Messages a <c>[To]</c> handler took that no destination of its group accepted (dropped).</summary>
    public long Undelivered => Interlocked.Read(ref _undelivered);

    /// <summary>Every outcome counted so far.</summary>
    public long Total => Routed + Unrouted + Rejected + Malformed + Undelivered;

    /// <summary>Counters for a router, unnamed in telemetry.</summary>
    public MessageCounters()
    {
    }

    /// <summary>
    /// Counters for a router whose outcomes are also published as <c>messaging.client.consumed.messages</c> with
    /// <c>messaging.destination.name</c> = <paramref name="name"/> (docs/observability.md).
    /// </summary>
    public MessageCounters(string name) => Name = name;

    /// <summary>
    /// Counters that publish nothing: a broker source's books of final outcomes, kept beside the router's own counters
    /// (which publish each decision), so a listener does not see a message twice.
    /// </summary>
    internal MessageCounters(bool publish) => _publish = publish;

    /// <summary>The name the outcomes are published under, when given.</summary>
    public string? Name { get; }

    /// <summary>
    /// Counts one outcome (and publishes it while a listener wants <c>messaging.client.consumed.messages</c>; while one
    /// wants <c>messaging.process.duration</c>, records the time since this thread's source handed the frame to its handler).
    /// </summary>
    [HotPath]
    public void Count(MessageOutcome outcome)
    {
        if (Diagnostics.MessagingMetrics.ProcessDuration.Enabled)
        {
            Count(outcome, TakeStarted());
            return;
        }

        Count(outcome, 0);
    }

    /// <summary>
    /// Counts one outcome whose frame was handed to its handler at <paramref name="started"/> (0: not timed), for work
    /// that completed after the source's call returned (<see cref="MessageRouting.CountWhenDone"/>).
    /// </summary>
    internal void Count(MessageOutcome outcome, long started)
    {
        if (_publish && Diagnostics.MessagingMetrics.ConsumedMessages.Enabled)
        {
            Diagnostics.MessagingMetrics.Consumed(outcome, Name);
        }

        if (_publish && started != 0 && Diagnostics.MessagingMetrics.ProcessDuration.Enabled)
        {
            Diagnostics.MessagingMetrics.Processed(outcome, Name, started);
        }

        switch (outcome)
        {
            case MessageOutcome.Routed:
                Interlocked.Increment(ref _routed);
                break;
            case MessageOutcome.Unrouted:
                Interlocked.Increment(ref _unrouted);
                break;
            case MessageOutcome.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            case MessageOutcome.Undelivered:
                Interlocked.Increment(ref _undelivered);
                break;
            default:
                Interlocked.Increment(ref _malformed);
                break;
        }
    }

    /// <summary>
    /// Called by a source right before it hands a frame to its handler, on the thread that calls the handler: stamps the
    /// start of <c>messaging.process.duration</c>, only while a listener enables it (otherwise one flag read, no clock).
    /// </summary>
    [HotPath]
    internal static void BeginFrame()
    {
        if (Diagnostics.MessagingMetrics.ProcessDuration.Enabled)
        {
            t_started = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>
    /// Called by a source after its handler returned (or threw): forgets a start no outcome took (a handler that counted
    /// nothing), so that no later count on this thread measures from it.
    /// </summary>
    [HotPath]
    internal static void EndFrame() => t_started = 0;

    /// <summary>This thread's start stamp, cleared: 0 when the current frame is not timed or its outcome was counted.</summary>
    internal static long TakeStarted()
    {
        var started = t_started;
        t_started = 0;
        return started;
    }

    /// <inheritdoc/>
    public override string ToString() => $"routed {Routed}, unrouted {Unrouted}, rejected {Rejected}, malformed {Malformed}, undelivered {Undelivered}";
}
