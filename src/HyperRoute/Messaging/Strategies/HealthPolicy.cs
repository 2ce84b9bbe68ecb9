using System;

namespace HyperRoute.Messaging;

/// <summary>When a destination is marked down and how soon it is probed again.</summary>
public sealed record HealthPolicy
{
    /// <summary>The policy with every default: down after 3 consecutive failures, probed after 1 s, backing off to 30 s.</summary>
    public static HealthPolicy Default { get; } = new();

    /// <summary>Consecutive failures that mark a destination down (at least 1). Default 3.</summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>How long a destination stays down before its first probe (positive). Default 1 second.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap of the retry interval, which doubles after every failed probe (at least <see cref="RetryInterval"/>, at most a day). Default 30 seconds.</summary>
    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock; tests pass a fake one. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FailureThreshold, 1, nameof(FailureThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryInterval, TimeSpan.Zero, nameof(RetryInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryInterval, RetryInterval, nameof(MaxRetryInterval));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetryInterval, TimeSpan.FromDays(1), nameof(MaxRetryInterval));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
