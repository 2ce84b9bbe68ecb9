using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messaging;

public sealed class LeastInFlightTests
{
    [Fact]
    public void The_idlest_destination_is_picked()
    {
        var group = new LeastInFlightGroup<string>(["a", "b", "c", "d"]);
        var held = new List<DestinationLease<string>>();
        for (var i = 0; i < 3; i++)
        {
            group.TryPick(out var lease);
            held.Add(lease);
        }

        // Three destinations are busy; the fourth pick goes to the idle one, whichever it is.
        Assert.True(group.TryPick(out var fourth));
        Assert.DoesNotContain(held, l => l.Index == fourth.Index);
        for (var i = 0; i < group.Count; i++)
        {
            Assert.Equal(1, group.InFlight(i));
        }
    }

    [Fact]
    public void A_busy_destination_is_avoided_until_its_leases_are_disposed()
    {
        var group = new LeastInFlightGroup<string>(["a", "b"]);
        group.TryPick(out var first);
        group.TryPick(out var second);
        group.TryPick(out var third);
        Assert.NotEqual(first.Index, second.Index);
        var busy = third.Index; // two leases on it now

        for (var i = 0; i < 10; i++)
        {
            group.TryPick(out var lease);
            Assert.NotEqual(busy, lease.Index);
            lease.Dispose();
        }

        third.Dispose();
        first.Dispose();
        second.Dispose();
        Assert.Equal(0, group.InFlight(0));
        Assert.Equal(0, group.InFlight(1));
    }

    [Fact]
    public void Disposing_a_lease_releases_its_destination()
    {
        var group = new LeastInFlightGroup<string>(["a", "b"]);

        group.TryPick(out var lease);
        Assert.Equal(1, group.InFlight(lease.Index));

        lease.Dispose();
        Assert.Equal(0, group.InFlight(lease.Index));
    }

    [Fact]
    public void Concurrent_pickers_keep_the_counts_balanced_and_release_everything()
    {
        const int Threads = 4;
        const int HeldPerThread = 25;
        var group = new LeastInFlightGroup<int>([0, 1, 2, 3]);
        using var allHeld = new Barrier(Threads);
        var spreads = new int[Threads];

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var round = 0; round < 200; round++)
            {
                var held = new DestinationLease<int>[HeldPerThread];
                for (var i = 0; i < held.Length; i++)
                {
                    group.TryPick(out held[i]);
                }

                allHeld.SignalAndWait();
                if (thread == 0)
                {
                    var min = int.MaxValue;
                    var max = 0;
                    for (var d = 0; d < group.Count; d++)
                    {
                        min = Math.Min(min, group.InFlight(d));
                        max = Math.Max(max, group.InFlight(d));
                    }

                    spreads[0] = Math.Max(spreads[0], max - min);
                }

                allHeld.SignalAndWait();
                foreach (var lease in held)
                {
                    lease.Dispose();
                }
            }
        });

        // Racing pickers may choose the same destination from one snapshot: the spread is bounded by the pickers.
        Assert.InRange(spreads[0], 0, Threads);
        for (var d = 0; d < group.Count; d++)
        {
            Assert.Equal(0, group.InFlight(d));
        }
    }

    [Fact]
    public void A_down_destination_is_skipped_even_when_idlest()
    {
        var health = new DestinationHealth(2, new HealthPolicy { FailureThreshold = 1, TimeProvider = new FakeClock() });
        var group = new LeastInFlightGroup<string>(["a", "b"], health);
        health.Failed(0);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(group.TryPick(out var lease)); // held: "b" gets ever busier, "a" stays idle but down
            Assert.Equal("b", lease.Destination);
        }
    }
}
