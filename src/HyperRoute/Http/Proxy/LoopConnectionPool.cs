using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Http.Server.Epoll;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// The connections to a backend owned by one epoll worker: their events come to that worker's loop, so a request the
/// worker forwards is sent, answered and passed on by one thread. Its bound is per worker.
/// </summary>
internal sealed class LoopConnectionPool(EventLoop loop, byte[] address, AddressFamily family, BackendPoolOptions options) : ConnectionPool(options)
{
    /// <summary>The loop the connections run on.</summary>
    public EventLoop Loop => loop;

    protected override ValueTask<BackendConnection> ConnectAsync()
        => LoopBackendConnection.ConnectAsync(this, loop, address, family, Options.BufferSize, (int)Options.ConnectTimeout.TotalMilliseconds);
}
