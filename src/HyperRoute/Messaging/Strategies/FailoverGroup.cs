using System;
using System.Collections.Generic;

namespace HyperRoute.Messaging;

/// <summary>
/// Destinations in priority order: every message goes to the first one that is up; when it is marked down, traffic
/// moves to the next, and comes back once a probe to the first succeeds.
/// </summary>
/// <remarks>
/// Health is what this strategy is made of, so the group always has a <see cref="DestinationHealth"/> (one with
/// <see cref="HealthPolicy.Default"/> unless given). When every destination is down and none is due a probe,
/// <see cref="DestinationGroup{TDestination}.TryPick(ReadOnlySpan{byte}, out DestinationLease{TDestination})"/> returns
/// <see langword="false"/>; it never throws on the pick path.
/// </remarks>
public sealed class FailoverGroup<TDestination> : DestinationGroup<TDestination>
{
    private readonly DestinationHealth _health;

    /// <summary>A failover group: <paramref name="destinations"/> from most to least preferred, with a new tracker under <paramref name="policy"/>.</summary>
    public FailoverGroup(IReadOnlyCollection<TDestination> destinations, HealthPolicy? policy = null)
        : this(destinations, new DestinationHealth(Math.Max(1, destinations?.Count ?? 0), policy))
    {
    }

    /// <summary>A failover group: <paramref name="destinations"/> from most to least preferred, tracked by <paramref name="health"/>.</summary>
    public FailoverGroup(IEnumerable<TDestination> destinations, DestinationHealth health)
        : base(destinations, health ?? throw new ArgumentNullException(nameof(health)))
    {
        _health = health;
    }

    /// <summary>The health tracker (never null for failover).</summary>
    public new DestinationHealth Health => _health;

    /// <inheritdoc/>
    [HotPath]
    public override bool TryPick(ReadOnlySpan<byte> key, out DestinationLease<TDestination> lease)
    {
        for (var index = 0; index < Count; index++)
        {
            if (_health.TryAcquire(index))
            {
                lease = LeaseOf(index);
                return true;
            }
        }

        lease = default;
        return false; // every destination is down and none is due a probe
    }
}
