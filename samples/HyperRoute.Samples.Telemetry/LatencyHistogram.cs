using System;
using System.Numerics;
using System.Threading;

namespace HyperRoute.Samples.Telemetry;

/// <summary>
/// Latencies in microseconds, in power-of-two buckets (under 1 µs, under 2, under 4, … under about 36 minutes):
/// recording is one interlocked increment, and a percentile is reported as the (exclusive) upper bound of its bucket.
/// </summary>
public sealed class LatencyHistogram
{
    private readonly long[] _buckets = new long[32];

    /// <summary>Records one latency; negative values (clock steps) count as 0.</summary>
    public void Record(long microseconds)
    {
        var bucket = microseconds <= 0 ? 0 : Math.Min(64 - BitOperations.LeadingZeroCount((ulong)microseconds), _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
    }

    /// <summary>The upper bound, in microseconds, of the bucket that holds the <paramref name="percentile"/>th latency; 0 when empty.</summary>
    public long Percentile(double percentile)
    {
        long total = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            total += Interlocked.Read(ref _buckets[i]);
        }

        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(total * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return 1L << i;
            }
        }

        return 1L << (_buckets.Length - 1);
    }

    /// <summary>Adds every bucket of <paramref name="other"/> to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _buckets.Length; i++)
        {
            Interlocked.Add(ref _buckets[i], Interlocked.Read(ref other._buckets[i]));
        }
    }
}
