using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// One pooled connection of a <see cref="TcpPeer"/>: its socket (or none while it reconnects), its send buffer, the lock
/// a send holds, and the loop that connects, watches the connection for the far end closing, and reconnects with backoff
/// (<c>TcpConnection.Loop.cs</c>). This file is the send path.
/// </summary>
/// <remarks>
/// With <see cref="TcpPeerOptions.RequireAcknowledgements"/> every frame reported sent is also kept in
/// <see cref="UnacknowledgedFrames"/> until the receiver acknowledges it; without, <c>_unacknowledged</c> is null and the
/// send path is what it always was.
/// </remarks>
internal sealed partial class TcpConnection
{
    private readonly TcpPeer _peer;
    private readonly TcpPeerOptions _options;
    private readonly UnacknowledgedFrames? _unacknowledged;
    private readonly int _prefixSize;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    /// <summary>Frames queue up to this many bytes (or one frame, if larger) before a pass's send writes them early.</summary>
    private const int QueueLimit = 64 * 1024;

    private byte[] _buffer;
    private int _queuedBytes; // frames queued by passes, not written yet: the start of _buffer
    private int _queuedFrames;
    private long _framesLost;
    private long _writes;
    private long _redelivered;
    private Socket? _socket;
    private int _attempts;
    private long _lastBackoffTicks;

    public TcpConnection(TcpPeer peer, TcpPeerOptions options)
    {
        _peer = peer;
        _options = options;
        _prefixSize = options.Format.PrefixSize;
        _buffer = ArrayPool<byte>.Shared.Rent(options.InitialBufferSize);
        _unacknowledged = options.RequireAcknowledgements
            ? new UnacknowledgedFrames(options.Format, options.MaxUnacknowledgedBytes, options.InitialBufferSize)
            : null;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The lock a send holds: one frame at a time on a connection, written whole.</summary>
    public object Gate { get; } = new();

    /// <summary>Whether a connection is up (a send may still find it failed).</summary>
    public bool IsConnected => Volatile.Read(ref _socket) is not null;

    /// <summary>Connect attempts so far, the first included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The wait before the latest reconnect attempt (zero before the first failure).</summary>
    public TimeSpan LastBackoff => TimeSpan.FromTicks(Interlocked.Read(ref _lastBackoffTicks));

    /// <summary>Frames reported <see cref="SendResult.Sent"/> while queued that the connection failed before writing.</summary>
    public long FramesLost => Interlocked.Read(ref _framesLost);

    /// <summary>System calls that wrote to the socket (each writes one frame, or every frame a pass queued).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Frames the receiver acknowledged (0 without <see cref="TcpPeerOptions.RequireAcknowledgements"/>).</summary>
    public long Acknowledged => _unacknowledged?.Acknowledged ?? 0;

    /// <summary>Frames reported sent and not acknowledged yet: in flight, queued, or kept for a resend.</summary>
    public int Unacknowledged => _unacknowledged?.Count ?? 0;

    /// <summary>Unacknowledged frames handed to <see cref="TcpPeerOptions.OnUnacknowledged"/> and taken, or resent on a reconnect.</summary>
    public long Redelivered => Interlocked.Read(ref _redelivered);

    /// <summary>
    /// Appends the prefix and the frame to the buffer, after any frames a pass has queued; then, inside a
    /// <see cref="SendBatch"/> pass, leaves them for the pass's end to write, and outside one writes everything now.
    /// The caller holds <see cref="Gate"/>.
    /// </summary>
    [HotPath]
    public SendResult SendLocked(ReadOnlySpan<byte> frame, SendBatch? batch)
    {
        var socket = Volatile.Read(ref _socket);
        if (socket is null)
        {
            return SendResult.Disconnected; // reconnecting: fail fast so the caller can fail over
        }

        var total = _prefixSize + frame.Length;
        var unacknowledged = _unacknowledged;
        if (unacknowledged is not null && !unacknowledged.HasRoom(total))
        {
            var room = WaitForWindowLocked(socket, unacknowledged, total);
            if (room != SendResult.Sent)
            {
                return room;
            }
        }

        if (_queuedBytes + total > _buffer.Length)
        {
            if (_queuedBytes > 0 && _queuedBytes + total > QueueLimit)
            {
                var flushed = WriteQueuedLocked(socket); // the queue is full: write it now, then queue this frame
                if (flushed != SendResult.Sent)
                {
                    return flushed;
                }
            }

            if (_queuedBytes + total > _buffer.Length)
            {
                Grow(_queuedBytes + total);
            }
        }

        var buffer = _buffer.AsSpan(_queuedBytes, total);
        WritePrefix(buffer, frame.Length);
        frame.CopyTo(buffer.Slice(_prefixSize));
        unacknowledged?.Append(buffer); // kept until acknowledged, from the moment it is reported sent
        _queuedBytes += total;
        _queuedFrames++;
        if (batch is not null)
        {
            // Written when this pass ends, or sooner, when another pass that queued here ends first: each pass that
            // queues on a connection writes it, so no frame waits on a pass it does not belong to.
            batch.Add(this);
            return SendResult.Sent;
        }

        // Outside a pass the frame is written now; if a pass has queued frames before it, they go first, in the same write.
        _queuedFrames--; // this frame's outcome is reported to the caller, not counted as lost
        var result = WriteQueuedLocked(socket);
        if (result != SendResult.Sent)
        {
            unacknowledged?.RemoveLast(total); // reported failed, so the caller retries it: not kept as well
        }

        return result;
    }

    /// <summary>
    /// The window of unacknowledged bytes is full: writes what passes queued (they cannot be acknowledged before they
    /// go out), then waits for acknowledgements up to <see cref="TcpPeerOptions.SendTimeout"/>. A receiver that does not
    /// acknowledge in that time counts as a failed connection, like a send that times out. The caller holds <see cref="Gate"/>.
    /// </summary>
    private SendResult WaitForWindowLocked(Socket socket, UnacknowledgedFrames unacknowledged, int total)
    {
        if (_queuedBytes > 0)
        {
            var flushed = WriteQueuedLocked(socket);
            if (flushed != SendResult.Sent)
            {
                return flushed;
            }
        }

        if (unacknowledged.WaitForRoom(total, _options.SendTimeout))
        {
            return SendResult.Sent;
        }

        Drop(socket); // timed out, or the connection failed meanwhile (then this does nothing)
        return SendResult.Failed;
    }

    /// <summary>Writes what passes queued here, at the end of a pass that queued some of it.</summary>
    public void FlushQueued()
    {
        lock (Gate)
        {
            if (_queuedBytes == 0)
            {
                return; // written already: by another pass that queued here, a full queue, or a send outside a pass
            }

            var socket = Volatile.Read(ref _socket);
            if (socket is null)
            {
                DiscardQueuedLocked(); // dropped since the frames were queued
                return;
            }

            WriteQueuedLocked(socket);
        }
    }

    /// <summary>
    /// Writes every queued byte with as few <c>send</c> calls as the socket takes. On failure the connection is
    /// dropped and the queued frames that were reported sent are counted as lost. The caller holds <see cref="Gate"/>.
    /// </summary>
    private SendResult WriteQueuedLocked(Socket socket)
    {
        var queued = _buffer.AsSpan(0, _queuedBytes);
        _unacknowledged?.MarkWritten(); // before the send: an acknowledgement may then cover any of it
        try
        {
            var sent = 0;
            while (sent < queued.Length)
            {
                Interlocked.Increment(ref _writes);
                var count = socket.Send(queued.Slice(sent), SocketFlags.None, out var error);
                if (error != SocketError.Success || count <= 0)
                {
                    DiscardQueuedLocked();
                    Drop(socket); // reset, broken pipe or send timeout: a frame may be cut, so the connection is done
                    return SendResult.Failed;
                }

                sent += count;
            }

            _queuedBytes = 0;
            _queuedFrames = 0;
            return SendResult.Sent;
        }
        catch (ObjectDisposedException)
        {
            DiscardQueuedLocked();
            return SendResult.Failed; // dropped by the watcher or by dispose while this send waited
        }
    }

    /// <summary>
    /// Forgets the queued frames, counting those reported sent as lost, unless acknowledgements are on: then they are
    /// kept among the unacknowledged frames and go their way. The caller holds <see cref="Gate"/>.
    /// </summary>
    private void DiscardQueuedLocked()
    {
        if (_queuedFrames > 0 && _unacknowledged is null)
        {
            Interlocked.Add(ref _framesLost, _queuedFrames);
        }

        _queuedBytes = 0;
        _queuedFrames = 0;
    }

    private void WritePrefix(Span<byte> destination, int length)
    {
        var big = _options.Format.Endian == Endian.Big;
        if (_prefixSize == 2)
        {
            if (big)
            {
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)length);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)length);
            }
        }
        else if (big)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)length);
        }
    }

    /// <summary>A larger buffer from the pool that keeps the queued bytes, once per new high-water mark (not in the steady state).</summary>
    private void Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(size, _buffer.Length * 2));
        _buffer.AsSpan(0, _queuedBytes).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
