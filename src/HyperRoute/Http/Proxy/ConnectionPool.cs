using System;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// Keep-alive connections to one backend from one place (an epoll worker's loop, or the thread pool). At most
/// <see cref="BackendPoolOptions.MaxConnections"/> are open; a request takes an idle one (most recently used first, so
/// the rest can age out) that is still good, or connects a new one; when all are busy it waits up to
/// <see cref="BackendPoolOptions.WaitTimeout"/>. A connection comes back only after a complete response on a
/// connection both sides keep open; anything else closes it.
/// </summary>
/// <remarks>
/// Taking and returning a pooled connection allocates nothing: a semaphore's fast path and a lock around an array
/// stack, both uncontended when one worker owns the pool.
/// </remarks>
internal abstract class ConnectionPool
{
    private readonly SemaphoreSlim _permits;
    private readonly BackendConnection[] _idle;
    private int _idleCount;
    private int _open;
    private long _connects;
    private volatile bool _disposed;

    protected ConnectionPool(BackendPoolOptions options)
    {
        Options = options;
        _permits = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        _idle = new BackendConnection[options.MaxConnections];
    }

    /// <summary>Connections open now (idle and busy).</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Connections idle in the pool now.</summary>
    public int Idle => Volatile.Read(ref _idleCount);

    /// <summary>Connections opened since the pool was created.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    protected BackendPoolOptions Options { get; }

    /// <summary>
    /// A connection for one request: an idle one that is still good, or a new one. Throws
    /// <see cref="PoolExhaustedException"/> when none freed up in time, <see cref="TimeoutException"/> when the connect
    /// took too long, <see cref="System.Net.Sockets.SocketException"/> when it failed (nothing was sent in any of these
    /// cases).
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
            return idle is not null ? new ValueTask<BackendConnection>(idle) : CountedConnectAsync();
        }

        return WaitAndRentAsync();
    }

    /// <summary>Ends a request's use of <paramref name="connection"/>: kept when <paramref name="reusable"/>, else closed.</summary>
    public void Return(BackendConnection connection, bool reusable)
    {
        if (reusable && !_disposed && connection.BecomeIdle())
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

    /// <summary>Closes the idle connections past the idle timeout (the oldest sit at the bottom of the stack) and those found defunct there.</summary>
    public void CloseExpired()
    {
        var oldest = Environment.TickCount64 - (long)Options.IdleTimeout.TotalMilliseconds;
        while (true)
        {
            BackendConnection expired;
            lock (_idle)
            {
                if (_idleCount == 0 || (_idle[0].IdleSince >= oldest && !_idle[0].IsDefunct))
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

    /// <summary>Closes the idle connections; busy ones close when their request ends.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (TakeAny() is { } connection)
        {
            Close(connection);
        }
    }

    /// <summary>Opens a connection (the permit is taken; the pool counts it).</summary>
    protected abstract ValueTask<BackendConnection> ConnectAsync();

    private async ValueTask<BackendConnection> WaitAndRentAsync()
    {
        if (!await _permits.WaitAsync(Options.WaitTimeout).ConfigureAwait(false))
        {
            throw new PoolExhaustedException();
        }

        return TakeIdle() ?? await CountedConnectAsync().ConfigureAwait(false);
    }

    private async ValueTask<BackendConnection> CountedConnectAsync()
    {
        BackendConnection connection;
        try
        {
            connection = await ConnectAsync().ConfigureAwait(false);
        }
        catch
        {
            _permits.Release();
            throw;
        }

        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _connects);
        return connection;
    }

    // The most recently returned idle connection that is still good; stale or closed ones are closed on the way.
    private BackendConnection? TakeIdle()
    {
        var oldest = Environment.TickCount64 - (long)Options.IdleTimeout.TotalMilliseconds;
        while (TakeAny() is { } connection)
        {
            if (connection.IdleSince >= oldest && connection.TryReuse())
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

    private void Close(BackendConnection connection)
    {
        connection.Dispose();
        Interlocked.Decrement(ref _open);
    }
}

/// <summary>Every connection to the backend stayed busy for the whole wait.</summary>
internal sealed class PoolExhaustedException() : Exception("Every connection to the backend stayed busy for the pool's wait time.");
