using System;
using System.Collections.Generic;
using System.Threading;

namespace HyperRoute.Messaging;

/// <summary>
/// Smooth weighted round-robin, as nginx does it: each destination gets its weight's share of every cycle, spread out
/// rather than in bursts (weights 5:1:1 give <c>A A B A C A A</c>, never five A's in a row).
/// </summary>
/// <remarks>
/// <para>The nginx sequence is periodic with period equal to the sum of the weights (after dividing them by their
/// greatest common divisor), so it is computed once at construction; a pick is one interlocked increment and an array
/// read, lock-free. The period is capped at <see cref="MaxCycleLength"/>.</para>
/// <para>With health, a pick whose turn falls on a down destination takes the next turns (up to one per destination),
/// then the first available destination after it, so the healthy ones keep roughly their relative weights.</para>
/// </remarks>
public sealed class WeightedGroup<TDestination> : DestinationGroup<TDestination>
{
    /// <summary>The largest sum of weights (after dividing by their greatest common divisor) a group accepts.</summary>
    public const int MaxCycleLength = 1 << 20;

    private readonly int[] _cycle;
    private long _turn = -1;

    /// <summary>A weighted group; each weight is an integer of at least 1.</summary>
    public WeightedGroup(IEnumerable<(TDestination Destination, int Weight)> destinations, DestinationHealth? health = null)
        : this(Split(destinations, out var weights), weights, health)
    {
    }

    private WeightedGroup(TDestination[] destinations, int[] weights, DestinationHealth? health)
        : base(destinations, health)
    {
        _cycle = SmoothCycle(weights);
    }

    /// <summary>The order of one full cycle (indexes into the group); exposed for tests and docs.</summary>
    public ReadOnlySpan<int> Cycle => _cycle;

    /// <inheritdoc/>
    [HotPath]
    public override bool TryPick(ReadOnlySpan<byte> key, out DestinationLease<TDestination> lease)
    {
        var cycle = _cycle;
        var index = 0;
        for (var attempt = 0; attempt < Count; attempt++)
        {
            index = cycle[(int)((ulong)Interlocked.Increment(ref _turn) % (ulong)cycle.Length)];
            if (TryAcquire(index))
            {
                lease = LeaseOf(index);
                return true;
            }
        }

        for (var step = 1; step < Count; step++)
        {
            var next = (index + step) % Count;
            if (TryAcquire(next))
            {
                lease = LeaseOf(next);
                return true;
            }
        }

        lease = default;
        return false; // every destination is down and none is due a probe
    }

    /// <summary>nginx's smooth weighted round-robin, run for one period.</summary>
    internal static int[] SmoothCycle(ReadOnlySpan<int> weights)
    {
        var divisor = 0;
        foreach (var weight in weights)
        {
            divisor = Gcd(divisor, weight);
        }

        long total = 0;
        foreach (var weight in weights)
        {
            total += weight / divisor;
        }

        if (total > MaxCycleLength)
        {
            throw new ArgumentException($"The weights sum to {total} after dividing by their common divisor; at most {MaxCycleLength} is supported.", nameof(weights));
        }

        var cycle = new int[total];
        var current = new long[weights.Length];
        for (var turn = 0; turn < cycle.Length; turn++)
        {
            var best = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                current[i] += weights[i] / divisor;
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            cycle[turn] = best;
        }

        return cycle;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static TDestination[] Split(IEnumerable<(TDestination Destination, int Weight)> destinations, out int[] weights)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        var list = new List<(TDestination Destination, int Weight)>(destinations);
        var result = new TDestination[list.Count];
        weights = new int[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Weight < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(destinations), list[i].Weight, $"The weight of destination {i} must be at least 1.");
            }

            result[i] = list[i].Destination;
            weights[i] = list[i].Weight;
        }

        return result;
    }
}
