using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// The keep-alive connections to one backend. At most <see cref="BackendPoolOptions.MaxConnections"/> are open;
/// a request takes an idle one (most recently used first, so the rest can age out) after checking the backend did not
/// close it, or connects a new one; when all are busy it waits up to <see cref="BackendPoolOptions.WaitTimeout"/>.
/// A connection comes back only after a complete response on a connection both sides keep open; anything else closes
/// it. A timer closes connections idle longer than <see cref="BackendPoolOptions.IdleTimeout"/>.
/// </summary>
/// <remarks>
/// Taking and returning a pooled connection allocates nothing: a semaphore's fast path, a lock around an array
/// stack, one <c>poll</c>.
/// </remarks>
internal sealed class BackendPool : IDisposable
{
    private readonly EndPoint _endPoint;
    private readonly BackendPoolOptions _options;
    private readonly SemaphoreSlim _permits;
    private readonly BackendConnection[] _idle;
    private readonly Timer _sweeper;
    private int _idleCount;
    private int _open;
    private long _connects;
    private volatile bool _disposed;

    public BackendPool(EndPoint endPoint, BackendPoolOptions options)
    {
        _endPoint = endPoint;
        _options = options;
        _permits = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        _idle = new BackendConnection[options.MaxConnections];
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.IdleTimeout.TotalMilliseconds / 2, 100, 5000));
        _sweeper = new Timer(static state => ((BackendPool)state!).CloseExpired(), this, period, period);
    }

    /// <summary>Connections open now (idle and busy).</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Connections idle in the pool now.</summary>
    public int Idle => Volatile.Read(ref _idleCount);

    /// <summary>Connections opened since the pool was created.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>
    /// A connection for one request: an idle one that is still good, or a new one. Throws
    /// <see cref="PoolExhaustedException"/> when none freed up in time, <see cref="TimeoutException"/> when the connect
    /// took too long, <see cref="SocketException"/> when it failed (nothing was sent in any of these cases).
    /// </summary>
    public ValueTask<BackendConnection> RentAsync()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(HttpBackend), "The backend was removed and disposed.");
        }

        if (_permits.Wait(0))
        {
            var idle = TakeIdle();
            return idle is not null ? new ValueTask<BackendConnection>(idle) : ConnectAsync();
        }

        return WaitAndRentAsync();
    }

    /// <summary>Ends a request's use of <paramref name="connection"/>: kept when <paramref name="reusable"/>, else closed.</summary>
    public void Return(BackendConnection connection, bool reusable)
    {
        if (reusable && !_disposed)
        {
            connection.IdleSince = Environment.TickCount64;
            connection.Reused = true;
            lock (_idle)
            {
                _idle[_idleCount] = connection;
                Volatile.Write(ref _idleCount, _idleCount + 1);
            }
        }
        else
        {
            Close(connection);
        }

        _permits.Release();
    }

    /// <summary>Closes the idle connections; busy ones close when their request ends.</summary>
    public void Dispose()
    {
        _disposed = true;
        _sweeper.Dispose();
        while (TakeAny() is { } connection)
        {
            Close(connection);
        }
    }

    private async ValueTask<BackendConnection> WaitAndRentAsync()
    {
        if (!await _permits.WaitAsync(_options.WaitTimeout).ConfigureAwait(false))
        {
            throw new PoolExhaustedException();
        }

        return TakeIdle() ?? await ConnectAsync().ConfigureAwait(false);
    }

    private async ValueTask<BackendConnection> ConnectAsync()
    {
        var socket = new Socket(_endPoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetwork : _endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
        };
        try
        {
            using var limit = new CancellationTokenSource(_options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(_endPoint, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                throw new TimeoutException("The backend did not accept the connection in time.");
            }
        }
        catch
        {
            socket.Dispose();
            _permits.Release();
            throw;
        }

        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _connects);
        return new BackendConnection(socket, _options.BufferSize);
    }

    // The most recently returned idle connection that is still good; stale or closed ones are closed on the way.
    private BackendConnection? TakeIdle()
    {
        var oldest = Environment.TickCount64 - (long)_options.IdleTimeout.TotalMilliseconds;
        while (TakeAny() is { } connection)
        {
            if (connection.IdleSince >= oldest && connection.IsReusable())
            {
                return connection;
            }

            Close(connection);
        }

        return null;
    }

    private BackendConnection? TakeAny()
    {
        lock (_idle)
        {
            if (_idleCount == 0)
            {
                return null;
            }

            var count = _idleCount - 1;
            var connection = _idle[count];
            _idle[count] = null!;
            Volatile.Write(ref _idleCount, count);
            return connection;
        }
    }

    // The timer: idle connections past their time are closed (the oldest sit at the bottom of the stack).
    private void CloseExpired()
    {
        var oldest = Environment.TickCount64 - (long)_options.IdleTimeout.TotalMilliseconds;
        while (true)
        {
            BackendConnection expired;
            lock (_idle)
            {
                if (_idleCount == 0 || _idle[0].IdleSince >= oldest)
                {
                    return;
                }

                expired = _idle[0];
                Array.Copy(_idle, 1, _idle, 0, _idleCount - 1);
                _idle[_idleCount - 1] = null!;
                Volatile.Write(ref _idleCount, _idleCount - 1);
            }

            Close(expired);
        }
    }

    private void Close(BackendConnection connection)
    {
        connection.Dispose();
        Interlocked.Decrement(ref _open);
    }
}

/// <summary>Every connection to the backend stayed busy for the whole wait.</summary>
internal sealed class PoolExhaustedException() : Exception("Every connection to the backend stayed busy for the pool's wait time.");
