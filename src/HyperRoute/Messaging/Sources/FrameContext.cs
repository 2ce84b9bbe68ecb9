using System.Net;

namespace HyperRoute.Messaging.Sources;

/// <summary>Where a frame came from: passed by reference with every frame, built without allocating.</summary>
public readonly struct FrameContext
{
    internal FrameContext(long connectionId, long sequence, SocketAddress? remoteAddress, long receive)
    {
        ConnectionId = connectionId;
        Sequence = sequence;
        RemoteAddress = remoteAddress;
        Receive = receive;
    }

    /// <summary>
    /// The connection the frame arrived on: numbered from 1 in accept order per TCP source. 0 for UDP and in-process
    /// frames, which have no connection.
    /// </summary>
    public long ConnectionId { get; }

    /// <summary>The frame's number on its connection (TCP) or source (UDP, in-process), from 0, in arrival order.</summary>
    public long Sequence { get; }

    /// <summary>
    /// The peer's address: the connection's remote end (TCP), the datagram's sender (UDP), <c>null</c> in process.
    /// For UDP it is the receive loop's reusable address object, rewritten by the next datagram: valid only during
    /// the call (use <see cref="SocketAddress"/>'s members or <c>IPEndPoint.Create</c> to keep it).
    /// </summary>
    public SocketAddress? RemoteAddress { get; }

    /// <summary>
    /// The number of the socket receive (per connection for TCP, per source for UDP) that completed this frame:
    /// frames with the same number were delivered by one synchronous pass over one receive, on one thread.
    /// The allocation tests use it to measure consecutive frames of one pass.
    /// </summary>
    internal long Receive { get; }
}
