using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace HyperRoute.Telemetry.Tests;

/// <summary>An <see cref="IMeterFactory"/> whose meters are scoped to it, as a host's container makes them.</summary>
public sealed class ScopedMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
