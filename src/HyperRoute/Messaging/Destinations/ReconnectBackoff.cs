using System;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// How long a connection waits before each reconnect attempt: <see cref="Initial"/>, then each wait
/// <see cref="Multiplier"/> times the last, capped at <see cref="Max"/>; a successful connect starts again from <see cref="Initial"/>.
/// </summary>
public sealed record ReconnectBackoff
{
    /// <summary>100 ms, doubling, capped at 10 s.</summary>
    public static ReconnectBackoff Default { get; } = new();

    /// <summary>The wait before the first reconnect attempt after a failure (positive). Default 100 ms.</summary>
    public TimeSpan Initial { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The growth of the wait after each failed attempt (at least 1). Default 2.</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>The cap of the wait (at least <see cref="Initial"/>). Default 10 s.</summary>
    public TimeSpan Max { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after one of <paramref name="current"/> failed: <c>min(current × Multiplier, Max)</c>.</summary>
    public TimeSpan Next(TimeSpan current)
    {
        var next = current.Ticks * Multiplier;
        return next >= Max.Ticks ? Max : TimeSpan.FromTicks((long)next);
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Initial, TimeSpan.Zero, nameof(Initial));
        ArgumentOutOfRangeException.ThrowIfLessThan(Multiplier, 1, nameof(Multiplier));
        ArgumentOutOfRangeException.ThrowIfLessThan(Max, Initial, nameof(Max));
    }
}
