using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Server.Epoll;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// The keep-alive connections to one backend: a <see cref="LoopConnectionPool"/> per epoll worker that forwards to it
/// (a request forwarded on a worker uses its worker's pool, so the backend's answer comes back to the same thread),
/// and a <see cref="SocketConnectionPool"/> for requests forwarded anywhere else. A timer closes connections idle
/// longer than <see cref="BackendPoolOptions.IdleTimeout"/>.
/// </summary>
internal sealed class BackendPool : IDisposable
{
    private readonly IPEndPoint _endPoint;
    private readonly byte[] _address;
    private readonly BackendPoolOptions _options;
    private readonly SocketConnectionPool _shared;
    private readonly Timer _sweeper;
    private readonly object _loopsLock = new();
    private LoopConnectionPool?[] _loops = [];
    private volatile bool _disposed;

    public BackendPool(IPEndPoint endPoint, BackendPoolOptions options)
    {
        _endPoint = endPoint;
        _options = options;
        var address = endPoint.Serialize(); // the platform's sockaddr layout
        _address = address.Buffer.Span.Slice(0, address.Size).ToArray();
        _shared = new SocketConnectionPool(endPoint, options);
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.IdleTimeout.TotalMilliseconds / 2, 100, 5000));
        _sweeper = new Timer(static state => ((BackendPool)state!).CloseExpired(), this, period, period);
    }

    /// <summary>Connections open now (idle and busy), over every worker.</summary>
    public int Open => Sum(static pool => pool.Open);

    /// <summary>Connections idle now, over every worker.</summary>
    public int Idle => Sum(static pool => pool.Idle);

    /// <summary>Connections opened since the backend was created.</summary>
    public long Connects
    {
        get
        {
            var connects = _shared.Connects;
            foreach (var pool in Volatile.Read(ref _loops))
            {
                connects += pool?.Connects ?? 0;
            }

            return connects;
        }
    }

    /// <summary>A connection for one request, from the calling worker's pool when it runs on one (see <see cref="ConnectionPool.RentAsync"/>).</summary>
    public ValueTask<BackendConnection> RentAsync()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(HttpBackend), "The backend was removed and disposed.");
        }

        return (EventLoop.Current is { } loop ? PoolOf(loop) : _shared).RentAsync();
    }

    /// <summary>Ends a request's use of <paramref name="connection"/>: kept when <paramref name="reusable"/>, else closed.</summary>
    public static void Return(BackendConnection connection, bool reusable) => connection.Pool.Return(connection, reusable);

    /// <summary>Closes the idle connections and stops the pools; busy ones close when their request ends.</summary>
    public void Dispose()
    {
        _disposed = true;
        _sweeper.Dispose();
        _shared.Dispose();
        foreach (var pool in Volatile.Read(ref _loops))
        {
            pool?.Dispose();
        }
    }

    private ConnectionPool PoolOf(EventLoop loop)
    {
        var loops = Volatile.Read(ref _loops);
        return loop.Id < loops.Length && loops[loop.Id] is { } pool ? pool : AddPool(loop);
    }

    // The first request a worker forwards here: its pool, in a slot indexed by the loop's id (small, never reused).
    private LoopConnectionPool AddPool(EventLoop loop)
    {
        lock (_loopsLock)
        {
            var loops = _loops;
            if (loop.Id >= loops.Length)
            {
                var larger = new LoopConnectionPool?[Math.Max(loop.Id + 1, loops.Length * 2)];
                Array.Copy(loops, larger, loops.Length);
                loops = larger;
            }

            var pool = loops[loop.Id] ??= new LoopConnectionPool(loop, _address, _endPoint.AddressFamily, _options);
            Volatile.Write(ref _loops, loops);
            return pool;
        }
    }

    private void CloseExpired()
    {
        _shared.CloseExpired();
        foreach (var pool in Volatile.Read(ref _loops))
        {
            pool?.CloseExpired();
        }
    }

    private int Sum(Func<ConnectionPool, int> of)
    {
        var sum = of(_shared);
        foreach (var pool in Volatile.Read(ref _loops))
        {
            sum += pool is null ? 0 : of(pool);
        }

        return sum;
    }
}
