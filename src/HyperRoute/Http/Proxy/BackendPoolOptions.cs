using System;

namespace HyperRoute.Http.Proxy;

/// <summary>The keep-alive connection pool of one <see cref="HttpBackend"/>.</summary>
public sealed record BackendPoolOptions
{
    /// <summary>The defaults: 256 connections, 5 s to connect, 60 s idle, 5 s to wait for a free connection.</summary>
    public static BackendPoolOptions Default { get; } = new();

    /// <summary>
    /// The most connections open to the backend at once (idle and busy together) from each epoll worker, and from the
    /// pool for requests forwarded off the workers: each has a pool of its own.
    /// </summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>How long a connection attempt may take (then 504).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An idle connection unused this long is closed (keep it below the backend's own keep-alive timeout).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a request waits for a connection when all <see cref="MaxConnections"/> are busy (then 503).</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The receive buffer of each connection, which also bounds a response head line.</summary>
    public int BufferSize { get; init; } = 16 * 1024;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> for one out of range.</summary>
    public void Validate()
    {
        if (MaxConnections < 1)
        {
            throw new ArgumentException("MaxConnections must be at least 1.", nameof(MaxConnections));
        }

        if (ConnectTimeout <= TimeSpan.Zero || IdleTimeout <= TimeSpan.Zero || WaitTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("ConnectTimeout and IdleTimeout must be positive, WaitTimeout not negative.");
        }

        if (BufferSize < 1024)
        {
            throw new ArgumentException("BufferSize must be at least 1024 bytes.", nameof(BufferSize));
        }
    }
}
