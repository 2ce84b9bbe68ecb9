using System.Net.Sockets;

namespace HyperRoute.Http;

/// <summary>Starts the built-in HTTP/1.1 server for a generated router endpoint.</summary>
public static class HttpServer
{
    /// <summary>
    /// Listens and serves <paramref name="endpoint"/> (a router's generated <c>HttpEndpoint</c>) until
    /// <see cref="HttpServer{TEndpoint}.StopAsync"/>. Throws <see cref="HttpServerAddressInUseException"/> (a
    /// <see cref="SocketException"/>) when another socket already listens on the address and port, unless
    /// <see cref="HttpServerOptions.SharePort"/> is set; <see cref="SocketException"/> when the address cannot be bound
    /// for another reason.
    /// </summary>
    public static HttpServer<TEndpoint> Start<TEndpoint>(TEndpoint endpoint, HttpServerOptions? options = null)
        where TEndpoint : struct, IHttpEndpoint
        => HttpServer<TEndpoint>.Start(endpoint, options ?? new HttpServerOptions());
}
