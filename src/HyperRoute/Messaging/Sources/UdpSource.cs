namespace HyperRoute.Messaging.Sources;

/// <summary>Starts a <see cref="UdpSource{THandler}"/>.</summary>
public static class UdpSource
{
    /// <summary>
    /// Binds a UDP socket (loopback on a free port unless <paramref name="options"/> say otherwise) and delivers each
    /// datagram as one frame to <paramref name="handler"/> until <see cref="UdpSource{THandler}.StopAsync"/>.
    /// </summary>
    public static UdpSource<THandler> Start<THandler>(THandler handler, UdpSourceOptions? options = null)
        where THandler : struct, IFrameHandler
        => UdpSource<THandler>.Start(handler, options ?? new UdpSourceOptions());
}
