using System.Net.Sockets;

namespace HyperRoute.Messaging.Sources;

/// <summary>Starts a <see cref="FramedTcpSource{THandler}"/>.</summary>
public static class FramedTcpSource
{
    /// <summary>
    /// Listens (loopback on a free port unless <paramref name="options"/> say otherwise) and delivers every
    /// length-prefixed frame of every connection to a copy of <paramref name="handler"/> until
    /// <see cref="FramedTcpSource{THandler}.StopAsync"/>. Throws <see cref="SocketException"/> when the address cannot be bound.
    /// </summary>
    public static FramedTcpSource<THandler> Start<THandler>(THandler handler, FramedTcpSourceOptions? options = null)
        where THandler : struct, IFrameHandler
        => FramedTcpSource<THandler>.Start(handler, options ?? new FramedTcpSourceOptions());
}
