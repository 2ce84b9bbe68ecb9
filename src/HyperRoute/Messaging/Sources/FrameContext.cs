using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Sources;

/// <summary>Where a frame came from: passed by reference with every frame, built without allocating.</summary>
public readonly struct FrameContext
{
    private readonly PendingFrame? _pending;

    internal FrameContext(
        long connectionId,
        long sequence,
        SocketAddress? remoteAddress,
        long receive,
        ReadOnlyMemory<byte> frame = default,
        PendingFrame? pending = null,
        CancellationToken aborted = default)
    {
        ConnectionId = connectionId;
        Sequence = sequence;
        RemoteAddress = remoteAddress;
        Receive = receive;
        Frame = frame;
        _pending = pending;
        Aborted = aborted;
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
    /// For UDP it is the receive loop's reusable address object, rewritten by the next datagram: valid until the
    /// handler completes (use <see cref="SocketAddress"/>'s members or <c>IPEndPoint.Create</c> to keep it).
    /// </summary>
    public SocketAddress? RemoteAddress { get; }

    /// <summary>
    /// The frame <see cref="IFrameHandler.OnFrame"/> was given, as memory over the source's receive buffer (not a
    /// copy): valid until the handler completes, which for a handler that <see cref="Suspend"/>ed is when its work
    /// completes. The source neither receives into nor moves that part of its buffer until then. Empty when the
    /// source has the frame as a span only (<see cref="InProcessSource{THandler}.Deliver"/>).
    /// </summary>
    public ReadOnlyMemory<byte> Frame { get; }

    /// <summary>
    /// Cancelled when the source gives up on pending work: its shutdown deadline
    /// (<see cref="FramedTcpSourceOptions.ShutdownTimeout"/>, <see cref="UdpSourceOptions.ShutdownTimeout"/>) passed
    /// while the handler had not completed. <see cref="CancellationToken.None"/> in process unless the caller gave one.
    /// </summary>
    public CancellationToken Aborted { get; }

    /// <summary>
    /// The number of the socket receive (per connection for TCP, per source for UDP) that completed this frame:
    /// frames with the same number were delivered by one synchronous pass over one receive, on one thread, unless a
    /// handler among them suspended (the frames after it are delivered once its work completed).
    /// The allocation tests use it to measure consecutive frames of one pass.
    /// </summary>
    internal long Receive { get; }

    /// <summary>
    /// Hands the source the work of an asynchronous handler that has not completed yet: the frame is handled when
    /// <paramref name="work"/> completes. Call it at most once, from <see cref="IFrameHandler.OnFrame"/>, before it
    /// returns; a handler that completed synchronously does not call it (nothing is stored, nothing allocated).
    /// </summary>
    /// <remarks>
    /// Until <paramref name="work"/> completes, the source holds the frame: <see cref="Frame"/> stays valid, the next
    /// frame of the same connection (TCP) or socket (UDP) is not delivered, and (with
    /// <see cref="FramedTcpSourceOptions.SendAcknowledgements"/>) the frame is not acknowledged. An exception
    /// <paramref name="work"/> ends with is a handler error, as if <see cref="IFrameHandler.OnFrame"/> had thrown it.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The source cannot hold work (<see cref="InProcessSource{THandler}.Deliver"/>, which has the frame as a span: use
    /// <see cref="InProcessSource{THandler}.DeliverAsync"/>), or work was already handed over for this frame.
    /// </exception>
    public void Suspend(ValueTask work)
    {
        if (_pending is null)
        {
            throw new InvalidOperationException("This source delivers to synchronous handlers only: a handler that suspends needs a source that holds the frame until its work completes (InProcessSource.DeliverAsync, not Deliver).");
        }

        _pending.Suspend(work);
    }
}
