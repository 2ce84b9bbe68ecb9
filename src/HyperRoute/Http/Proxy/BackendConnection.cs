using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// One keep-alive connection to a backend: a receive buffer holding what arrived and was not consumed, and the
/// transport's sends and receives. Used by one request at a time; its <see cref="Pool"/> holds it in between. Two
/// transports: <see cref="LoopBackendConnection"/> on the epoll worker that serves the client (no thread hop), and
/// <see cref="SocketBackendConnection"/> (.NET sockets) everywhere else.
/// </summary>
internal abstract class BackendConnection : IDisposable
{
    private byte[] _buffer;
    private int _disposed;

    protected BackendConnection(ConnectionPool pool, int bufferSize)
    {
        Pool = pool;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>The pool the connection belongs to.</summary>
    public ConnectionPool Pool { get; }

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

    /// <summary>Disposed: never to be used again.</summary>
    public bool IsClosed => Volatile.Read(ref _disposed) == 1;

    /// <summary>Disposed, or its transport is gone (the backend closed it, the loop it ran on exited): only to be disposed.</summary>
    public bool IsDefunct => IsClosed || IsBroken;

    /// <summary>The transport is gone though the connection was not disposed yet.</summary>
    protected virtual bool IsBroken => false;

    /// <summary>
    /// Takes an idle connection out of the pool for a request, when it may take one: nothing unconsumed, and the backend
    /// neither closed it nor sent anything unasked meanwhile. No allocation.
    /// </summary>
    public bool TryReuse() => Start == End && !IsClosed && TryLeaveIdle();

    /// <summary>
    /// The request is done and the connection goes back to the pool idle (<see langword="true"/>), unless the
    /// transport sees it is no longer fit for that.
    /// </summary>
    public virtual bool BecomeIdle() => true;

    /// <summary>Sends all of <paramref name="bytes"/>; <see cref="TimeoutException"/> when the backend stops taking them for <paramref name="timeoutMilliseconds"/>.</summary>
    public abstract ValueTask SendAsync(ReadOnlyMemory<byte> bytes, int timeoutMilliseconds);

    /// <summary>
    /// Receives more bytes after <see cref="End"/> (moving the unconsumed ones to the front, or growing the buffer up to
    /// <paramref name="maxBuffered"/> when they fill it), within <paramref name="timeoutMilliseconds"/>. Returns the
    /// number received: 0 when the backend closed. Throws <see cref="TimeoutException"/> when the time ran out and
    /// <see cref="BackendProtocolException"/> when <paramref name="maxBuffered"/> unconsumed bytes are not enough.
    /// </summary>
    public ValueTask<int> FillAsync(int timeoutMilliseconds, int maxBuffered)
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
                return ValueTask.FromException<int>(new BackendProtocolException("The backend's response head is larger than the proxy accepts."));
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBuffered, _buffer.Length * 2));
            _buffer.AsSpan(0, End).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return ReceiveAsync(timeoutMilliseconds);
    }

    /// <summary>Closes the transport and returns the buffer (once; any thread).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Close();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Receives into <see cref="Buffer"/> after <see cref="End"/>, adds the count to <see cref="End"/> and returns it.</summary>
    protected abstract ValueTask<int> ReceiveAsync(int timeoutMilliseconds);

    /// <summary>The backend has not closed the idle connection nor sent anything unasked: it leaves the idle state.</summary>
    protected abstract bool TryLeaveIdle();

    /// <summary>Closes the transport.</summary>
    protected abstract void Close();
}

/// <summary>The backend sent bytes that are not a valid HTTP/1.1 response.</summary>
internal sealed class BackendProtocolException(string message) : Exception(message);
