using System.Threading;

namespace HyperRoute.Messaging;

/// <summary>
/// Counts the <see cref="MessageOutcome"/>s of a message router, shared by every connection of a source that feeds it:
/// incremented with interlocked operations, read with a consistent-enough snapshot for reporting.
/// </summary>
public sealed class MessageCounters
{
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

    /// <summary>The name the outcomes are published under, when given.</summary>
    public string? Name { get; }

    /// <summary>Counts one outcome (and publishes it while a listener wants <c>messaging.client.consumed.messages</c>).</summary>
    [HotPath]
    public void Count(MessageOutcome outcome)
    {
        if (Diagnostics.MessagingMetrics.ConsumedMessages.Enabled)
        {
            Diagnostics.MessagingMetrics.Consumed(outcome, Name);
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

    /// <inheritdoc/>
    public override string ToString() => $"routed {Routed}, unrouted {Unrouted}, rejected {Rejected}, malformed {Malformed}, undelivered {Undelivered}";
}
