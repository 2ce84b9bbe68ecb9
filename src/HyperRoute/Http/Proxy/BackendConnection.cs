using System;
using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// One keep-alive connection to a backend: its socket, a receive buffer holding what arrived and was not consumed,
/// and a reusable time limit for reads. Used by one request at a time; the pool holds it in between.
/// </summary>
internal sealed class BackendConnection : IDisposable
{
    private readonly Socket _socket;
    private CancellationTokenSource _deadline = new();
    private byte[] _buffer;

    public BackendConnection(Socket socket, int bufferSize)
    {
        _socket = socket;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>Where the unconsumed received bytes start in <see cref="Buffer"/>.</summary>
    public int Start;

    /// <summary>Where they end.</summary>
    public int End;

    /// <summary>When the connection went back to the pool (<see cref="Environment.TickCount64"/>).</summary>
    public long IdleSince;

    /// <summary>It served a request before this one (it came from the pool, not a fresh connect).</summary>
    public bool Reused;

    /// <summary>The receive buffer.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The unconsumed received bytes.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(Start, End - Start);

    /// <summary>
    /// Whether an idle connection may take a request: the backend did not close it, and sent nothing unasked (both
    /// make the socket readable). One <c>poll</c> call, no allocation.
    /// </summary>
    public bool IsReusable()
    {
        try
        {
            return Start == End && !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Sends all of <paramref name="bytes"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await _socket.SendAsync(bytes, SocketFlags.None).ConfigureAwait(false);
            bytes = bytes.Slice(sent);
        }
    }

    /// <summary>
    /// Receives more bytes after <see cref="End"/> (moving the unconsumed ones to the front, or growing the buffer up to
    /// <paramref name="maxBuffered"/> when they fill it), within <paramref name="timeoutMilliseconds"/>. Returns the
    /// number received: 0 when the backend closed. Throws <see cref="TimeoutException"/> when the time ran out and
    /// <see cref="BackendProtocolException"/> when <paramref name="maxBuffered"/> unconsumed bytes are not enough.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> FillAsync(int timeoutMilliseconds, int maxBuffered)
    {
        if (Start > 0 && (End == _buffer.Length || Start == End))
        {
            Unread.CopyTo(_buffer);
            End -= Start;
            Start = 0;
        }

        if (End == _buffer.Length)
        {
            if (_buffer.Length >= maxBuffered)
            {
                throw new BackendProtocolException("The backend's response head is larger than the proxy accepts.");
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBuffered, _buffer.Length * 2));
            _buffer.AsSpan(0, End).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _deadline.CancelAfter(timeoutMilliseconds);
        try
        {
            var received = await _socket.ReceiveAsync(_buffer.AsMemory(End), SocketFlags.None, _deadline.Token).ConfigureAwait(false);
            End += received;
            return received;
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested)
        {
            throw new TimeoutException("The backend did not answer in time.");
        }
        finally
        {
            if (!_deadline.TryReset())
            {
                _deadline.Dispose();
                _deadline = new CancellationTokenSource(); // it fired: the connection is discarded, but keep it usable
            }
        }
    }

    /// <summary>Closes the socket and returns the buffer.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _deadline.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>The backend sent bytes that are not a valid HTTP/1.1 response.</summary>
internal sealed class BackendProtocolException(string message) : Exception(message);
