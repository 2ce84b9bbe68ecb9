using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading;

namespace HyperRoute.Http.Proxy;

/// <summary>A snapshot of one backend's counters.</summary>
/// <param name="Requests">Requests forwarded to it that got a complete response.</param>
/// <param name="Failures">Requests that failed there (connect, send, a bad or cut response, a time limit).</param>
/// <param name="InFlight">Requests on it now.</param>
/// <param name="TotalLatency">The sum of the time from sending to the end of the response, over <paramref name="Requests"/>.</param>
/// <param name="OpenConnections">Pooled connections open now (idle and busy).</param>
/// <param name="IdleConnections">Of those, idle.</param>
/// <param name="Connects">Connections opened so far.</param>
public readonly record struct BackendStatistics(
    long Requests, long Failures, long InFlight, TimeSpan TotalLatency, int OpenConnections, int IdleConnections, long Connects)
{
    /// <summary>The mean latency of the completed requests.</summary>
    public TimeSpan MeanLatency => Requests == 0 ? TimeSpan.Zero : TotalLatency / Requests;
}

/// <summary>
/// One backend's counters, striped by processor: each writer updates the stripe of the CPU it runs on (a cache line
/// of its own, so workers on different cores never share one) and a reader sums the stripes. Counting costs an
/// uncontended interlocked add and no allocation.
/// </summary>
internal sealed class BackendCounters
{
    private readonly Stripe[] _stripes;
    private readonly int _mask;

    public BackendCounters()
    {
        var count = (int)BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount);
        _stripes = new Stripe[count];
        _mask = count - 1;
    }

    public void Started() => Interlocked.Increment(ref Mine().InFlight);

    public void Completed(long startTimestamp)
    {
        ref var stripe = ref Mine();
        Interlocked.Decrement(ref stripe.InFlight);
        Interlocked.Increment(ref stripe.Requests);
        Interlocked.Add(ref stripe.LatencyTicks, Stopwatch.GetTimestamp() - startTimestamp);
    }

    /// <summary>A request left the backend without a verdict on it: its pooled connection was dead before it answered, or the client left.</summary>
    public void Abandoned() => Interlocked.Decrement(ref Mine().InFlight);

    public void Failed()
    {
        ref var stripe = ref Mine();
        Interlocked.Decrement(ref stripe.InFlight);
        Interlocked.Increment(ref stripe.Failures);
    }

    public (long Requests, long Failures, long InFlight, TimeSpan Latency) Read()
    {
        long requests = 0, failures = 0, inFlight = 0, latency = 0;
        for (var i = 0; i < _stripes.Length; i++)
        {
            requests += Volatile.Read(ref _stripes[i].Requests);
            failures += Volatile.Read(ref _stripes[i].Failures);
            inFlight += Volatile.Read(ref _stripes[i].InFlight);
            latency += Volatile.Read(ref _stripes[i].LatencyTicks);
        }

        return (requests, failures, inFlight, Stopwatch.GetElapsedTime(0, latency));
    }

    private ref Stripe Mine() => ref _stripes[Thread.GetCurrentProcessorId() & _mask];

    // 128 bytes: a cache line of its own even with the adjacent-line prefetcher.
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Stripe
    {
        [FieldOffset(0)] public long Requests;
        [FieldOffset(8)] public long Failures;
        [FieldOffset(16)] public long InFlight;
        [FieldOffset(24)] public long LatencyTicks;
    }
}
