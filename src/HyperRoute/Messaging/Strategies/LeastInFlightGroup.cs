using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace HyperRoute.Messaging;

/// <summary>
/// Picks the destination with the fewest outstanding sends: a lease counts from the pick until it is disposed (see
/// <see cref="DestinationLease{TDestination}"/> for the rule).
/// </summary>
/// <remarks>
/// <para>A pick reads every count, takes the smallest (ties broken by a rotating start, so equal destinations share
/// the traffic) and increments it with one interlocked operation (disposal is the second). Pickers racing each other may choose the same
/// destination from the same snapshot, so under contention the counts can differ by up to the number of concurrent
/// pickers; serially the pick is exact.</para>
/// <para>With health, down destinations are skipped, and one due a probe is taken at once for the probe.</para>
/// </remarks>
public sealed class LeastInFlightGroup<TDestination> : DestinationGroup<TDestination>
{
    private readonly int[] _inFlight;
    private uint _start; // where the next scan starts; a hint, so racing pickers may read the same value

    /// <summary>A least-in-flight group over <paramref name="destinations"/>, optionally skipping the down ones.</summary>
    public LeastInFlightGroup(IEnumerable<TDestination> destinations, DestinationHealth? health = null)
        : base(destinations, health)
    {
        _inFlight = new int[Count];
    }

    /// <summary>The outstanding sends (leases not yet disposed) of the destination at <paramref name="index"/>.</summary>
    public int InFlight(int index) => Volatile.Read(ref _inFlight[index]);

    /// <inheritdoc/>
    [HotPath]
    public override bool TryPick(ReadOnlySpan<byte> key, out DestinationLease<TDestination> lease)
    {
        var counts = _inFlight;
        var start = (int)(_start++ % (uint)counts.Length); // not interlocked: a lost update only repeats a start
        var best = -1;
        var fewest = int.MaxValue;
        for (var step = 0; step < counts.Length; step++)
        {
            var index = start + step;
            if (index >= counts.Length)
            {
                index -= counts.Length;
            }

            if (Health is { } health && !health.IsUp(index))
            {
                if (health.TryAcquire(index))
                {
                    best = index; // due a probe: it takes this one
                    break;
                }

                continue;
            }

            var count = Volatile.Read(ref counts[index]);
            if (count < fewest)
            {
                fewest = count;
                best = index;
            }
        }

        if (best < 0)
        {
            lease = default;
            return false; // every destination is down and none is due a probe
        }

        Interlocked.Increment(ref counts[best]);
        lease = LeaseOf(best);
        return true;
    }

    private protected override void Release(int index)
    {
        var left = Interlocked.Decrement(ref _inFlight[index]);
        Debug.Assert(left >= 0, "A lease was disposed twice (see the lease rule on DestinationLease).");
    }
}
