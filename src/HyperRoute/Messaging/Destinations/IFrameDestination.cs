using System;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// Somewhere a frame can be sent: a <see cref="TcpPeer"/>, a <see cref="UdpPeer"/>, or your own. Groups of them are
/// what <see cref="Forwarding"/> sends messages to.
/// </summary>
public interface IFrameDestination
{
    /// <summary>Sends one frame. Returns <see cref="SendResult.Sent"/> or why not; never throws for a network failure.</summary>
    SendResult Send(ReadOnlySpan<byte> frame);
}
