using System;

namespace HyperRoute.Samples.Telemetry;

/// <summary>The wall clock every part of the sample stamps readings with.</summary>
public static class Clock
{
    /// <summary>Microseconds since the Unix epoch, UTC.</summary>
    public static long UnixMicroseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
}
