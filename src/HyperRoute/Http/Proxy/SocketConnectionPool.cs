using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>The connections to a backend for requests forwarded off the epoll workers: .NET sockets.</summary>
internal sealed class SocketConnectionPool(EndPoint endPoint, BackendPoolOptions options) : ConnectionPool(options)
{
    protected override async ValueTask<BackendConnection> ConnectAsync()
    {
        var socket = new Socket(endPoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetwork : endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
        };
        try
        {
            using var limit = new CancellationTokenSource(Options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(endPoint, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                throw new TimeoutException("The backend did not accept the connection in time.");
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new SocketBackendConnection(this, socket, Options.BufferSize);
    }
}
