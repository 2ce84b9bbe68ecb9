using System;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;

namespace HyperRoute.Samples.Telemetry;

/// <summary>The router's three destination groups over TCP peers to the six sinks.</summary>
public sealed class Destinations : IAsyncDisposable
{
    private readonly TcpPeer[] _peers;

    private Destinations(TcpPeer[] peers)
    {
        _peers = peers;
        Alarms = new FailoverGroup<TcpPeer>([peers[0], peers[1]], new HealthPolicy { FailureThreshold = 1, RetryInterval = TimeSpan.FromMilliseconds(200) });
        Climate = new RoundRobinGroup<TcpPeer>([peers[2], peers[3]]);
        Power = new ConsistentHashGroup<TcpPeer>([peers[4], peers[5]], peer => peer.ToString());
    }

    /// <summary>Alarms: the primary while it is up, else the standby; acknowledged by the sinks (at least once).</summary>
    public FailoverGroup<TcpPeer> Alarms { get; }

    /// <summary>Temperature and humidity: round-robin.</summary>
    public RoundRobinGroup<TcpPeer> Climate { get; }

    /// <summary>Battery and voltage: by device.</summary>
    public ConsistentHashGroup<TcpPeer> Power { get; }

    /// <summary>The <c>send</c> system calls the peers made: fewer than the forwards, as those made within one receive are written together.</summary>
    public long Writes
    {
        get
        {
            long writes = 0;
            foreach (var peer in _peers)
            {
                writes += peer.Writes;
            }

            return writes;
        }
    }

    /// <summary>Connects to the six sinks, in the order of <see cref="SinkSet.Names"/>.</summary>
    public static async Task<Destinations> ConnectAsync(SinkSet sinks, bool batching, TimeSpan timeout)
    {
        var peers = new TcpPeer[sinks.Count];
        Destinations? destinations = null;
        for (var i = 0; i < peers.Length; i++)
        {
            var options = new TcpPeerOptions { Host = "127.0.0.1", Port = sinks[i].Port, Format = Telemetry.Format, BatchWithinReceive = batching };
            if (sinks[i].Acknowledges)
            {
                // Alarms are delivered at least once: kept until their sink acknowledges them, and if its connection
                // fails first, forwarded again through the group (to the standby while the primary is down).
                options = options with
                {
                    RequireAcknowledgements = true,
                    OnUnacknowledged = (_, frame) => destinations is { } d && d.Alarms.Forward(frame) == SendResult.Sent,
                };
            }

            peers[i] = new TcpPeer(options);
        }

        var deadline = DateTime.UtcNow + timeout;
        while (Array.Exists(peers, peer => peer.ConnectedCount == 0))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The router could not connect to every sink within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        destinations = new Destinations(peers);
        return destinations;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
