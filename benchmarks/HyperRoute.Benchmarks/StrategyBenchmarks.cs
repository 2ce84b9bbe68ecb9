using System;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;
using HyperRoute.Messaging;

namespace HyperRoute.Benchmarks;

/// <summary>
/// What a destination pick costs: one pick (and the lease's dispose) per strategy over 4 destinations, against a plain
/// <c>array[i++ % n]</c>. Consistent hashing hashes a 16-byte key each time; failover and the health-checked
/// round-robin consult a <see cref="DestinationHealth"/> with every destination up. Single-threaded: uncontended costs; each call is on the sealed group type, as a router holding one would make it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class StrategyBenchmarks
{
    private static readonly string[] Names = ["a", "b", "c", "d"];

    private readonly string[] _array = Names;
    private readonly RoundRobinGroup<string> _roundRobin = new(Names);
    private readonly RoundRobinGroup<string> _roundRobinWithHealth = new(Names, new DestinationHealth(4));
    private readonly WeightedGroup<string> _weighted = new([("a", 5), ("b", 3), ("c", 1), ("d", 1)]);
    private readonly LeastInFlightGroup<string> _leastInFlight = new(Names);
    private readonly ConsistentHashGroup<string> _consistentHash = new(Names, static name => name);
    private readonly FailoverGroup<string> _failover = new(Names);
    private readonly byte[] _key = "user:0123456789a"u8.ToArray();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        if (_key.Length != 16)
        {
            throw new InvalidOperationException("The key must be 16 bytes.");
        }
    }

    [Benchmark(Baseline = true, Description = "array[i++ % n]")]
    public string Array() => _array[(uint)_next++ % (uint)_array.Length];

    [Benchmark(Description = "round-robin")]
    public string RoundRobin()
    {
        _roundRobin.TryPick(out var lease);
        lease.Dispose();
        return lease.Destination;
    }

    [Benchmark(Description = "round-robin + health")]
    public string RoundRobinWithHealth()
    {
        _roundRobinWithHealth.TryPick(out var lease);
        lease.Dispose();
        return lease.Destination;
    }

    [Benchmark(Description = "weighted 5:3:1:1")]
    public string Weighted()
    {
        _weighted.TryPick(out var lease);
        lease.Dispose();
        return lease.Destination;
    }

    [Benchmark(Description = "least-in-flight")]
    public string LeastInFlight()
    {
        _leastInFlight.TryPick(out var lease);
        lease.Dispose();
        return lease.Destination;
    }

    [Benchmark(Description = "consistent hash, 16-byte key")]
    public string ConsistentHash()
    {
        _consistentHash.TryPick(_key, out var lease);
        lease.Dispose();
        return lease.Destination;
    }

    [Benchmark(Description = "failover")]
    public string Failover()
    {
        _failover.TryPick(out var lease);
        lease.Dispose();
        return lease.Destination;
    }
}
