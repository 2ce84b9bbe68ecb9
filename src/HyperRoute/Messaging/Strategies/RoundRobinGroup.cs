using System;
using System.Collections.Generic;
using System.Threading;

namespace HyperRoute.Messaging;

/// <summary>
/// Takes the destinations in turn: one shared counter, advanced with a single interlocked increment per pick, so over
/// any run of picks every destination gets within one of its share, whatever the number of threads.
/// </summary>
/// <remarks>With health, a pick that lands on a down destination takes the next turn (at most one round), so the
/// healthy destinations share the traffic evenly and a destination due a probe gets it on its turn.</remarks>
public sealed class RoundRobinGroup<TDestination> : DestinationGroup<TDestination>
{
    private long _turn = -1;

    /// <summary>A round-robin group over <paramref name="destinations"/>, optionally skipping the down ones.</summary>
    public RoundRobinGroup(IEnumerable<TDestination> destinations, DestinationHealth? health = null)
        : base(destinations, health)
    {
    }

    /// <inheritdoc/>
    [HotPath]
    public override bool TryPick(ReadOnlySpan<byte> key, out DestinationLease<TDestination> lease)
    {
        var count = (ulong)Count;
        for (var attempt = 0UL; attempt < count; attempt++)
        {
            var index = (int)((ulong)Interlocked.Increment(ref _turn) % count);
            if (TryAcquire(index))
            {
                lease = LeaseOf(index);
                return true;
            }
        }

        lease = default;
        return false; // every destination is down and none is due a probe
    }
}
