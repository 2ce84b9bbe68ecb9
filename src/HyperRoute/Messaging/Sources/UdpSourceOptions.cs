using System;
using System.Net;

namespace HyperRoute.Messaging.Sources;

/// <summary>How a <see cref="UdpSource{THandler}"/> listens and what it accepts.</summary>
public sealed record UdpSourceOptions
{
    /// <summary>The largest UDP payload over IPv4: 65,535 − 8 (UDP header) − 20 (IP header).</summary>
    public const int LargestDatagram = 65_507;

    /// <summary>The address to listen on; loopback unless changed.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 (the default) picks a free one (read it back from <see cref="UdpSource{THandler}.EndPoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// The largest datagram delivered (default 64 KiB − 29: any IPv4 datagram). A larger one is dropped and counted
    /// in <see cref="UdpSource{THandler}.DatagramsRejected"/>; it is never delivered truncated.
    /// </summary>
    public int MaxDatagramSize { get; init; } = LargestDatagram;

    /// <summary>
    /// How long <see cref="UdpSource{THandler}.StopAsync"/> waits for a handler in progress, a suspended one included;
    /// after it, <see cref="FrameContext.Aborted"/> is cancelled. Default 10 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called (on the receive loop) when the handler throws; the next datagram is delivered as usual. Default: nothing.</summary>
    public Action<Exception>? OnHandlerError { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDatagramSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDatagramSize, LargestDatagram);
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero);
    }
}
