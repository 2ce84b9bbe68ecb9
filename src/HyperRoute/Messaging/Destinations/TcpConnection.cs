using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// One pooled connection of a <see cref="TcpPeer"/>: its socket (or none while it reconnects), its send buffer, the lock
/// a send holds, and the loop that connects, watches the connection for the far end closing, and reconnects with backoff.
/// </summary>
internal sealed class TcpConnection
{
    private readonly TcpPeerOptions _options;
    private readonly int _prefixSize;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private byte[] _buffer;
    private Socket? _socket;
    private int _attempts;
    private long _lastBackoffTicks;

    public TcpConnection(TcpPeerOptions options)
    {
        _options = options;
        _prefixSize = options.Format.PrefixSize;
        _buffer = ArrayPool<byte>.Shared.Rent(options.InitialBufferSize);
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

    /// <summary>Writes the prefix and the frame into the buffer and sends them; the caller holds <see cref="Gate"/>.</summary>
    [HotPath]
    public SendResult SendLocked(ReadOnlySpan<byte> frame)
    {
        var socket = Volatile.Read(ref _socket);
        if (socket is null)
        {
            return SendResult.Disconnected; // reconnecting: fail fast so the caller can fail over
        }

        var total = _prefixSize + frame.Length;
        if (_buffer.Length < total)
        {
            Grow(total);
        }

        var buffer = _buffer.AsSpan(0, total);
        WritePrefix(buffer, frame.Length);
        frame.CopyTo(buffer.Slice(_prefixSize));
        try
        {
            var sent = 0;
            while (sent < total)
            {
                var count = socket.Send(buffer.Slice(sent), SocketFlags.None, out var error);
                if (error != SocketError.Success || count <= 0)
                {
                    Drop(socket); // reset, broken pipe or send timeout: the frame may be cut, so the connection is done
                    return SendResult.Failed;
                }

                sent += count;
            }

            return SendResult.Sent;
        }
        catch (ObjectDisposedException)
        {
            return SendResult.Failed; // dropped by the watcher or by dispose while this send waited
        }
    }

    /// <summary>Stops reconnecting, closes the connection gracefully (what was sent is delivered before the close) and returns the buffer.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        var socket = Volatile.Read(ref _socket);
        if (socket is not null)
        {
            Drop(socket, graceful: true);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        lock (Gate)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        _stop.Dispose();
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

    /// <summary>A larger buffer from the pool, once per new largest frame (not in the steady state).</summary>
    private void Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    /// <summary>Takes the connection down if <paramref name="socket"/> is still the current one; the loop then reconnects.</summary>
    private void Drop(Socket socket, bool graceful = false)
    {
        if (Interlocked.CompareExchange(ref _socket, null, socket) != socket)
        {
            return; // already dropped by someone else
        }

        lock (Gate) // no send is half-way through the socket while it closes
        {
            if (graceful)
            {
                try
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                }
            }

            socket.Dispose();
        }
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        var backoff = _options.Backoff;
        var wait = TimeSpan.Zero; // the first connect is at once
        var watch = new byte[64];
        while (!token.IsCancellationRequested)
        {
            if (wait > TimeSpan.Zero)
            {
                Interlocked.Exchange(ref _lastBackoffTicks, wait.Ticks);
                await Task.Delay(wait, _options.TimeProvider, token).ConfigureAwait(false);
            }

            Interlocked.Increment(ref _attempts);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
            {
                NoDelay = true,
                SendTimeout = (int)Math.Min(int.MaxValue, _options.SendTimeout.TotalMilliseconds),
            };
            try
            {
                await socket.ConnectAsync(_options.Host, _options.Port, token).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                socket.Dispose();
                wait = wait == TimeSpan.Zero ? backoff.Initial : backoff.Next(wait);
                continue;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw;
            }

            Volatile.Write(ref _socket, socket);
            if (token.IsCancellationRequested)
            {
                Drop(socket, graceful: true); // disposed while connecting
                return;
            }

            await WatchAsync(socket, watch, token).ConfigureAwait(false);
            Drop(socket);
            wait = backoff.Initial; // a connection that was up failed: start the backoff again
        }
    }

    /// <summary>Returns when the far end closes or resets the connection, or when a send or dispose dropped it.</summary>
    private static async Task WatchAsync(Socket socket, byte[] scratch, CancellationToken token)
    {
        try
        {
            while (await socket.ReceiveAsync(scratch, SocketFlags.None, token).ConfigureAwait(false) > 0)
            {
                // the sink is not expected to answer; anything it sends is read and discarded
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
