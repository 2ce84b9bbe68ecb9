namespace HyperRoute.Messaging;

/// <summary>What a generated message router did with one message (or frame).</summary>
public enum MessageOutcome : byte
{
    /// <summary>A handler took the message (a <c>[To]</c> handler: a destination of its group accepted it).</summary>
    Routed = 0,

    /// <summary>No <c>[On]</c> value or predicate matched and the router has no <c>[Otherwise]</c>: the message was dropped.</summary>
    Unrouted = 1,

    /// <summary>A <c>[Validate]</c> step refused the message: no handler ran (or, for a handler's own steps, that handler did not run).</summary>
    Rejected = 2,

    /// <summary>The frame does not hold one whole message (too short, a value the message cannot take, or bytes left over).</summary>
    Malformed = 3,

    /// <summary>
    /// A <c>[To]</c> handler took the message but no destination of its group accepted it (every send failed, or every
    /// destination is down): the message was dropped after routing.
    /// </summary>
    Undelivered = 4,
}
