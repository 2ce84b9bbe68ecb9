using System;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// Offered, one at a time and in send order, each frame a <see cref="TcpPeer"/> reported <see cref="SendResult.Sent"/>
/// that the receiver had not acknowledged when the connection failed (see
/// <see cref="TcpPeerOptions.OnUnacknowledged"/>). Return <see langword="true"/> when the frame is taken care of
/// (typically <c>group.Forward(frame) == SendResult.Sent</c>, which fails over to another destination), or
/// <see langword="false"/> to keep it: kept frames are resent first, in order, when this peer reconnects.
/// </summary>
/// <param name="peer">The peer whose connection failed.</param>
/// <param name="frame">The frame, without its length prefix: a view of the connection's buffer, valid only during the call.</param>
/// <remarks>
/// Called on the connection's reconnect loop, once per frame, for all the frames of one failure before the connection
/// is tried again: off the hot path and outside every lock, so it may send anywhere, this peer included (the failed
/// connection refuses with <see cref="SendResult.Disconnected"/>). An exception counts as <see langword="false"/>.
/// </remarks>
public delegate bool UnacknowledgedFrameHandler(TcpPeer peer, ReadOnlySpan<byte> frame);
