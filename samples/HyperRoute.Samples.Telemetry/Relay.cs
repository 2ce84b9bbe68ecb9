using System;
using System.Net;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;

namespace HyperRoute.Samples.Telemetry;

/// <summary>
/// What a relay has done so far: the outcome of every frame (routed means forwarded to a destination that took it;
/// undelivered, routed to a group none of whose destinations took it), the socket writes to the sinks, and the
/// source's own counters.
/// </summary>
public readonly record struct RelayStats(
    long Routed,
    long Undelivered,
    long Unrouted,
    long Rejected,
    long Malformed,
    long SinkWrites,
    long OversizeClosed,
    long Connections,
    long HandlerErrors,
    long Faults)
{
    /// <summary>Frames with an outcome.</summary>
    public long Outcomes => Routed + Undelivered + Unrouted + Rejected + Malformed;
}

/// <summary>A router between the devices and the sinks: the HyperRoute one, or the conventional one it is measured against.</summary>
public interface IRelay : IAsyncDisposable
{
    /// <summary>Where devices connect.</summary>
    IPEndPoint EndPoint { get; }

    /// <summary>A snapshot of the counters.</summary>
    RelayStats Stats { get; }
}

/// <summary>
/// The sample's router: a framed TCP source feeding the generated <see cref="TelemetryRouter"/> directly
/// (<see cref="TelemetryRouter.FrameHandler"/>), which forwards to its destination groups over pooled TCP peers.
/// </summary>
public sealed class HyperRouteRelay : IRelay
{
    private readonly Destinations _destinations;
    private readonly MessageCounters _counters = new();
    private readonly FramedTcpSource<TelemetryRouter.FrameHandler> _source;

    private HyperRouteRelay(Destinations destinations, int port)
    {
        _destinations = destinations;
        _source = FramedTcpSource.Start(
            new TelemetryRouter.FrameHandler(new TelemetryRouter(destinations), _counters),
            new FramedTcpSourceOptions { Address = IPAddress.Loopback, Port = port, Format = Telemetry.Format });
    }

    /// <inheritdoc/>
    public IPEndPoint EndPoint => _source.EndPoint;

    /// <inheritdoc/>
    public RelayStats Stats => new(
        _counters.Routed,
        _counters.Undelivered,
        _counters.Unrouted,
        _counters.Rejected,
        _counters.Malformed,
        _destinations.Writes,
        _source.FramesRejected,
        _source.ConnectionsAccepted,
        _source.HandlerErrors,
        _source.ConnectionFaults);

    /// <summary>
    /// Connects to the sinks and starts listening on <paramref name="port"/> (0 picks a free one). With
    /// <paramref name="batching"/>, the forwards made while reading one receive are written together
    /// (<see cref="HyperRoute.Messaging.Destinations.TcpPeerOptions.BatchWithinReceive"/>).
    /// </summary>
    public static async Task<HyperRouteRelay> StartAsync(SinkSet sinks, int port, bool batching) =>
        new(await Destinations.ConnectAsync(sinks, batching, TimeSpan.FromSeconds(10)).ConfigureAwait(false), port);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        await _destinations.DisposeAsync().ConfigureAwait(false);
    }
}
