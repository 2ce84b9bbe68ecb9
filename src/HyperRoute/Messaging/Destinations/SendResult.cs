namespace HyperRoute.Messaging.Destinations;

/// <summary>What became of one send to a destination. Only <see cref="Sent"/> is a success.</summary>
/// <remarks>Map anything else to <see cref="DestinationLease{TDestination}.Failed"/> so the group's health can fail over.</remarks>
public enum SendResult
{
    /// <summary>The whole frame was handed to the operating system (TCP: accepted into the local send buffer).</summary>
    Sent = 0,

    /// <summary>No connection is up (never connected yet, or reconnecting after a failure): nothing was sent.</summary>
    Disconnected = 1,

    /// <summary>The connection failed during this send; it is dropped and reconnected after the backoff.</summary>
    Failed = 2,

    /// <summary>The frame is longer than the length prefix can state (or than a datagram can carry): nothing was sent.</summary>
    FrameTooLarge = 3,

    /// <summary>The peer has been disposed.</summary>
    Disposed = 4,

    /// <summary>A group had no destination to offer: every one is down and none is due a probe. Nothing was sent.</summary>
    NoDestination = 5,
}
