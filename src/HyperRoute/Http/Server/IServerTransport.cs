using System;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server;

/// <summary>
/// How <see cref="HttpServer{TEndpoint}"/> accepts and runs its connections: epoll event loops
/// (<see cref="Epoll.EpollTransport{TEndpoint}"/>) or async socket loops
/// (<see cref="Sockets.SocketTransport{TEndpoint}"/>). The server picks one when it starts, and the transport
/// serves from its construction on. Only the lifecycle goes through this interface: each connection's loop
/// belongs to its transport and drives its <see cref="Http1Connection{TEndpoint}"/> directly, so no request
/// pays for the choice.
/// </summary>
internal interface IServerTransport
{
    /// <summary>What <see cref="HttpServer{TEndpoint}.Transport"/> reports: <c>epoll</c> or <c>sockets</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The graceful shutdown, once <see cref="HttpServer{TEndpoint}.IsStopping"/> is set: stops accepting, lets
    /// requests in progress finish, closes idle connections, closes whatever is left after
    /// <paramref name="deadline"/>, and disposes the listening sockets.
    /// </summary>
    Task StopAsync(TimeSpan deadline);
}
