using System.Net;
using System.Net.Sockets;

namespace HyperRoute.Http;

/// <summary>
/// Thrown by <see cref="HttpServer.Start{TEndpoint}"/> when another socket already listens on the address and port —
/// another server in this process or another process — and <see cref="HttpServerOptions.SharePort"/> is off. A
/// <see cref="SocketException"/> with <see cref="SocketError.AddressAlreadyInUse"/>, so code that handles the bind
/// failure as before still does; the message names the address and port and what to do.
/// </summary>
public sealed class HttpServerAddressInUseException : SocketException
{
    /// <summary>Creates the exception for <paramref name="endPoint"/>.</summary>
    public HttpServerAddressInUseException(IPEndPoint endPoint)
        : base((int)SocketError.AddressAlreadyInUse, Describe(endPoint))
    {
        EndPoint = endPoint;
    }

    /// <summary>The address and port that are taken.</summary>
    public IPEndPoint EndPoint { get; }

    private static string Describe(IPEndPoint endPoint)
        => $"{endPoint} is already in use by another listening socket (another server in this process or another process); "
            + "stop it, pick another port, or set HttpServerOptions.SharePort = true to share it through SO_REUSEPORT.";
}
