using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging.Sources;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// The frames one <see cref="TcpConnection"/> has reported <see cref="SendResult.Sent"/> and the receiver has not yet
/// acknowledged, in send order, as they go on the wire (prefix and frame): written, or queued in a receive pass.
/// </summary>
/// <remarks>
/// <para>One pooled buffer, <c>[head, tail)</c> in use. Frames are appended at the tail and released from the head as
/// acknowledgements arrive; their boundaries are their own length prefixes, so nothing per frame is kept or allocated.
/// When the store empties, head and tail go back to 0; when the tail reaches the end, what is left moves to the start
/// (little, in the steady state, since acknowledgements follow one round trip behind).</para>
/// <para>Thread safety: the connection's sender appends under its send lock, the connection's loop acknowledges;
/// both under <c>_sync</c>. The hand-off after a failure runs on the loop while the connection is down, when nothing
/// appends.</para>
/// </remarks>
internal sealed class UnacknowledgedFrames
{
    private readonly object _sync = new();
    private readonly int _prefixSize;
    private readonly Endian _endian;
    private readonly int _window;
    private byte[] _buffer;
    private int _head;
    private int _tail;
    private int _count; // frames in the store
    private int _written; // of them, from the head, the frames handed to the socket: an acknowledgement may cover only those
    private ulong _base; // the acknowledgement received last on the current connection (frames it released)
    private bool _lost; // the current connection failed: a sender waiting for room gives up
    private int _waiters;
    private long _acknowledged;
    private TaskCompletionSource? _empty;

    public UnacknowledgedFrames(FrameFormat format, int window, int initialSize)
    {
        _prefixSize = format.PrefixSize;
        _endian = format.Endian;
        _window = window;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(window, initialSize));
    }

    /// <summary>Frames sent and not acknowledged.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Frames acknowledged since the start, over every connection.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Whether <paramref name="total"/> more bytes fit the window (a frame always fits an empty store).</summary>
    public bool HasRoom(int total)
    {
        lock (_sync)
        {
            return _count == 0 || _tail - _head + total <= _window;
        }
    }

    /// <summary>
    /// Waits until <paramref name="total"/> more bytes fit the window. False when <paramref name="timeout"/> passed
    /// first or the connection was lost meanwhile. The caller holds the connection's send lock and has written what it queued.
    /// </summary>
    public bool WaitForRoom(int total, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_sync)
        {
            _waiters++;
            try
            {
                while (_count > 0 && _tail - _head + total > _window)
                {
                    var remaining = deadline - Environment.TickCount64;
                    if (_lost || remaining <= 0)
                    {
                        return false;
                    }

                    Monitor.Wait(_sync, (int)Math.Min(remaining, int.MaxValue));
                }

                return !_lost;
            }
            finally
            {
                _waiters--;
            }
        }
    }

    /// <summary>Keeps a frame as it goes on the wire (prefix and frame) at the tail.</summary>
    [HotPath]
    public void Append(ReadOnlySpan<byte> wire)
    {
        lock (_sync)
        {
            if (_tail + wire.Length > _buffer.Length)
            {
                MakeRoom(wire.Length);
            }

            wire.CopyTo(_buffer.AsSpan(_tail));
            _tail += wire.Length;
            _count++;
        }
    }

    /// <summary>Takes back the frame appended last (its send failed and was reported so: the caller retries it).</summary>
    public void RemoveLast(int total)
    {
        lock (_sync)
        {
            _tail -= total;
            _count--;
            _written = Math.Min(_written, _count);
            if (_count == 0)
            {
                _head = _tail = 0;
            }
        }
    }

    /// <summary>Every frame in the store is being handed to the socket now (before the <c>send</c>, so an acknowledgement cannot outrun it).</summary>
    [HotPath]
    public void MarkWritten()
    {
        lock (_sync)
        {
            _written = _count;
        }
    }

    /// <summary>
    /// Releases the frames a cumulative acknowledgement covers. False when it is a protocol error: it goes back, or it
    /// covers frames never written on this connection.
    /// </summary>
    public bool Acknowledge(ulong handled)
    {
        lock (_sync)
        {
            if (handled < _base || handled - _base > (ulong)_written)
            {
                return false;
            }

            var released = (int)(handled - _base);
            _base = handled;
            for (var i = 0; i < released; i++)
            {
                _head += _prefixSize + (int)FrameReader.ReadPrefix(_buffer.AsSpan(_head), _prefixSize, _endian);
            }

            _count -= released;
            _written -= released;
            if (_count == 0)
            {
                _head = _tail = 0;
                _empty?.TrySetResult();
                _empty = null;
            }

            Interlocked.Add(ref _acknowledged, released);
            if (_waiters > 0 && released > 0)
            {
                Monitor.PulseAll(_sync);
            }

            return true;
        }
    }

    /// <summary>The connection failed: a sender waiting for room gives up (and so does a dispose waiting for the store to empty).</summary>
    public void Lose()
    {
        lock (_sync)
        {
            _lost = true;
            _empty?.TrySetResult();
            _empty = null;
            Monitor.PulseAll(_sync);
        }
    }

    /// <summary>A new connection: its receiver counts from 0, and nothing of the store is written on it yet.</summary>
    public void Restart()
    {
        lock (_sync)
        {
            _base = 0;
            _written = 0;
            _lost = false;
        }
    }

    /// <summary>Every frame of the store, on the wire, in order: what a reconnect writes first. Read only while nothing appends.</summary>
    public ReadOnlySpan<byte> Pending => _buffer.AsSpan(_head, _tail - _head);

    /// <summary>Completes when the store is empty or the connection is lost.</summary>
    public Task WhenEmptyAsync()
    {
        lock (_sync)
        {
            if (_count == 0 || _lost)
            {
                return Task.CompletedTask;
            }

            _empty ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _empty.Task;
        }
    }

    /// <summary>
    /// Offers every frame, in order, to <paramref name="callback"/>; those it takes leave the store, those it refuses
    /// (or throws on) stay, in order, to be resent when the connection is back. Returns how many it took. Called on the
    /// connection's loop while the connection is down, so nothing appends meanwhile; not under the lock, so the
    /// callback may send anywhere, this peer included.
    /// </summary>
    public int HandOff(TcpPeer peer, UnacknowledgedFrameHandler callback)
    {
        int head, tail;
        lock (_sync)
        {
            head = _head;
            tail = _tail;
        }

        var kept = head; // refused frames move down to here, keeping their order
        var taken = 0;
        var read = head;
        while (read < tail)
        {
            var length = (int)FrameReader.ReadPrefix(_buffer.AsSpan(read), _prefixSize, _endian);
            var total = _prefixSize + length;
            bool took;
            try
            {
                took = callback(peer, _buffer.AsSpan(read + _prefixSize, length));
            }
            catch (Exception)
            {
                took = false; // a failing callback must not take the connection's loop down; the frame stays
            }

            if (took)
            {
                taken++;
            }
            else
            {
                if (kept != read)
                {
                    _buffer.AsSpan(read, total).CopyTo(_buffer.AsSpan(kept));
                }

                kept += total;
            }

            read += total;
        }

        lock (_sync)
        {
            _tail = kept;
            _count -= taken;
            _written = 0;
            if (_count == 0)
            {
                _head = _tail = 0;
            }
        }

        return taken;
    }

    /// <summary>Forgets every frame (the peer is disposed: nowhere to resend them); returns how many.</summary>
    public int Clear()
    {
        lock (_sync)
        {
            var count = _count;
            _head = _tail = _count = _written = 0;
            return count;
        }
    }

    /// <summary>Returns the buffer to the pool (the connection is disposed).</summary>
    public void Release()
    {
        lock (_sync)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _head = _tail = _count = _written = 0;
        }
    }

    /// <summary>Moves what is in use to the start, and grows the buffer when that is not enough (once per new high-water mark).</summary>
    private void MakeRoom(int total)
    {
        var used = _tail - _head;
        if (used + total > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(used + total, _buffer.Length * 2));
            _buffer.AsSpan(_head, used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else
        {
            _buffer.AsSpan(_head, used).CopyTo(_buffer);
        }

        _head = 0;
        _tail = used;
    }
}
