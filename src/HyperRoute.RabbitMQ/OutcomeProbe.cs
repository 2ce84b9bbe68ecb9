using HyperRoute.Messaging;

namespace HyperRoute.Brokers;

/// <summary>
/// Learns the <see cref="MessageOutcome"/> of one delivery from the counters its frame handler counted it in: a
/// generated <c>FrameHandler</c> counts exactly one outcome per frame, so the counter that moved names it. The
/// counters are the consumer's own (made by the source and given to the handler factory), and a consumer delivers one
/// message at a time, so nothing else moves them in between.
/// </summary>
/// <remarks>
/// Compiled into both broker assemblies (HyperRoute.RabbitMQ, HyperRoute.Mqtt links it). This keeps the core and the generated code unchanged: the source learns each outcome through the one channel every
/// generated handler already has. Five interlocked reads before and after a delivery, no allocation.
/// </remarks>
internal struct OutcomeProbe(MessageCounters counters)
{
    private long _unrouted;
    private long _rejected;
    private long _malformed;
    private long _undelivered;

    public readonly MessageCounters Counters => counters;

    /// <summary>Remembers where the counters stand before a delivery.</summary>
    public void Mark()
    {
        _unrouted = counters.Unrouted;
        _rejected = counters.Rejected;
        _malformed = counters.Malformed;
        _undelivered = counters.Undelivered;
    }

    /// <summary>
    /// The outcome counted since <see cref="Mark"/>. A handler that counts nothing (one written by hand that ignores its
    /// counters) and returned without an exception took the message: <see cref="MessageOutcome.Routed"/>.
    /// </summary>
    public readonly MessageOutcome Read()
    {
        if (counters.Malformed != _malformed)
        {
            return MessageOutcome.Malformed;
        }

        if (counters.Rejected != _rejected)
        {
            return MessageOutcome.Rejected;
        }

        if (counters.Unrouted != _unrouted)
        {
            return MessageOutcome.Unrouted;
        }

        if (counters.Undelivered != _undelivered)
        {
            return MessageOutcome.Undelivered;
        }

        return MessageOutcome.Routed;
    }
}
