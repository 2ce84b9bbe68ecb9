using System;
using System.Threading.Tasks;

namespace HyperRoute.Samples.Telemetry;

/// <summary>The six destination services: an alarm pair (which acknowledge what they handle), two climate stores, two power stores.</summary>
public sealed class SinkSet : IAsyncDisposable
{
    /// <summary>The sinks' roles, in the order <see cref="Destinations"/> connects to them.</summary>
    public static readonly string[] Names = ["alarms-primary", "alarms-standby", "climate-a", "climate-b", "power-a", "power-b"];

    private readonly Sink[] _sinks;

    private SinkSet(Sink[] sinks) => _sinks = sinks;

    /// <summary>How many sinks there are.</summary>
    public int Count => _sinks.Length;

    /// <summary>The sink at <paramref name="index"/>, in the order of <see cref="Names"/>.</summary>
    public Sink this[int index] => _sinks[index];

    /// <summary>Readings received by every sink together.</summary>
    public long Received
    {
        get
        {
            long total = 0;
            foreach (var sink in _sinks)
            {
                total += sink.Received;
            }

            return total;
        }
    }

    /// <summary>Starts the six sinks on free loopback ports, each tracking the order of <paramref name="devices"/> devices.</summary>
    public static SinkSet Start(int devices) => new(Array.ConvertAll(Names, name => Sink.Start(name, devices, acknowledge: name.StartsWith("alarms", StringComparison.Ordinal))));

    /// <summary>The latencies of every sink together.</summary>
    public LatencyHistogram Latency()
    {
        var all = new LatencyHistogram();
        foreach (var sink in _sinks)
        {
            all.Add(sink.Latency);
        }

        return all;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }
    }
}
