using System;

namespace HyperRoute.Messaging.Destinations;

/// <summary>Where a <see cref="TcpPeer"/> connects and how it frames, pools and reconnects.</summary>
public sealed record TcpPeerOptions
{
    /// <summary>The host name or address to connect to.</summary>
    public required string Host { get; init; }

    /// <summary>The port to connect to.</summary>
    public required int Port { get; init; }

    /// <summary>
    /// How frames are delimited: the same <see cref="FrameFormat"/> a <see cref="Sources.FramedTcpSource{THandler}"/>
    /// reads. Default: a 4-byte big-endian prefix, frames up to 64 KiB. A frame over the format's maximum is refused
    /// (<see cref="SendResult.FrameTooLarge"/>) rather than sent to a receiver that would reject it.
    /// </summary>
    public FrameFormat Format { get; init; } = FrameFormat.Default;

    /// <summary>How many connections the peer keeps (at least 1). Default 1.</summary>
    public int PoolSize { get; init; } = 1;

    /// <summary>The waits between reconnect attempts. Default <see cref="ReconnectBackoff.Default"/>.</summary>
    public ReconnectBackoff Backoff { get; init; } = ReconnectBackoff.Default;

    /// <summary>The clock the reconnect waits run on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long one send may block on a full send buffer before the connection counts as failed. Default 5 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The size of each connection's send buffer to start with (it grows, once, for a larger frame). Default 4 KiB.</summary>
    public int InitialBufferSize { get; init; } = 4096;

    /// <summary>
    /// Whether sends made while a HyperRoute source delivers the frames of one receive are queued and written together
    /// when the pass ends (one <c>send</c> per connection and pass rather than per frame). Default <see langword="true"/>.
    /// Sends outside a pass are always written at once.
    /// </summary>
    public bool BatchWithinReceive { get; init; } = true;

    /// <summary>
    /// Whether the receiver acknowledges what it handled (a <see cref="Sources.FramedTcpSource{THandler}"/> with
    /// <see cref="Sources.FramedTcpSourceOptions.SendAcknowledgements"/> on), and the peer keeps every frame it reported
    /// <see cref="SendResult.Sent"/> until an acknowledgement covers it. When the connection fails, the frames not
    /// acknowledged go to <see cref="OnUnacknowledged"/>, or are resent first when the peer reconnects: at-least-once
    /// delivery. Default <see langword="false"/> (nothing is kept; <see cref="SendResult.Sent"/> means accepted by the
    /// local operating system). See "Acknowledgements" in <c>docs/destinations.md</c>.
    /// </summary>
    public bool RequireAcknowledgements { get; init; }

    /// <summary>
    /// With <see cref="RequireAcknowledgements"/>: how many bytes (prefixes included) each connection may have sent
    /// and not had acknowledged. A send that would exceed it waits for acknowledgements, up to <see cref="SendTimeout"/>;
    /// then the connection counts as failed (<see cref="SendResult.Failed"/>, the frames it holds go the unacknowledged
    /// way). A frame larger than the window is sent when nothing else is outstanding. Default 1 MiB.
    /// </summary>
    public int MaxUnacknowledgedBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// With <see cref="RequireAcknowledgements"/>: what becomes of the frames not acknowledged when a connection fails.
    /// Each is offered in order; those the handler takes leave the peer (counted in <see cref="TcpPeer.Redelivered"/>),
    /// those it refuses are resent when the peer reconnects. Default <see langword="null"/>: every one is resent first,
    /// in order, when the peer reconnects to the same destination.
    /// </summary>
    public UnacknowledgedFrameHandler? OnUnacknowledged { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(PoolSize, 1, nameof(PoolSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBufferSize, 16, nameof(InitialBufferSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SendTimeout, TimeSpan.Zero, nameof(SendTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxUnacknowledgedBytes, 16, nameof(MaxUnacknowledgedBytes));
        ArgumentNullException.ThrowIfNull(Backoff, nameof(Backoff));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        Backoff.Validate();
    }
}
