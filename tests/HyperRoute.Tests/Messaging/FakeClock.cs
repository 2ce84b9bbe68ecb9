using System;

namespace HyperRoute.Tests.Messaging;

/// <summary>A clock that moves only when told: timestamps are <see cref="TimeSpan"/> ticks.</summary>
internal sealed class FakeClock : TimeProvider
{
    private long _now = TimeSpan.TicksPerDay; // not zero, so "now" is never confused with a default

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _now;

    public void Advance(TimeSpan by) => _now += by.Ticks;
}
