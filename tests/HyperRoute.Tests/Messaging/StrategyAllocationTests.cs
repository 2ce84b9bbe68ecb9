using System;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messaging;

/// <summary>Every strategy picks without allocating once built: measured around 10,000 picks (with their reports and disposal).</summary>
public sealed class StrategyAllocationTests
{
    private const int Picks = 10_000;

    [Fact]
    public void Round_robin_picks_allocate_nothing() =>
        AssertNoAllocation(new RoundRobinGroup<string>(Destinations(), Health()));

    [Fact]
    public void Weighted_picks_allocate_nothing() =>
        AssertNoAllocation(new WeightedGroup<string>([("a", 5), ("b", 3), ("c", 1), ("d", 1)], Health()));

    [Fact]
    public void Least_in_flight_picks_allocate_nothing() =>
        AssertNoAllocation(new LeastInFlightGroup<string>(Destinations(), Health()));

    [Fact]
    public void Consistent_hash_picks_allocate_nothing() =>
        AssertNoAllocation(new ConsistentHashGroup<string>(Destinations(), static d => d, health: Health()));

    [Fact]
    public void Failover_picks_allocate_nothing() =>
        AssertNoAllocation(new FailoverGroup<string>(Destinations()));

    [Fact]
    public void Picks_that_skip_down_destinations_and_probe_allocate_nothing()
    {
        var clock = new FakeClock();
        var health = new DestinationHealth(4, new HealthPolicy { FailureThreshold = 1, TimeProvider = clock });
        var group = new FailoverGroup<string>(Destinations(), health);
        health.Failed(0);
        health.Failed(1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Picks; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(31)); // every destination that is down is due a probe
            group.TryPick(out var lease);
            lease.Failed();
            lease.Dispose();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertNoAllocation(DestinationGroup<string> group)
    {
        Span<byte> key = stackalloc byte[16];
        Run(group, key, Picks); // warm up with the measured loop: JIT, tiering and on-stack replacement happen here

        var before = GC.GetAllocatedBytesForCurrentThread();
        var picked = Run(group, key, Picks);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Picks, picked);
        Assert.Equal(0, allocated);
    }

    private static int Run(DestinationGroup<string> group, Span<byte> key, int picks)
    {
        var picked = 0;
        for (var i = 0; i < picks; i++)
        {
            key[i & 15]++;
            if (group.TryPick(key, out var lease))
            {
                picked++;
                lease.Succeeded();
                lease.Dispose();
            }
        }

        return picked;
    }

    private static string[] Destinations() => ["a", "b", "c", "d"];

    private static DestinationHealth Health() => new(4);
}
