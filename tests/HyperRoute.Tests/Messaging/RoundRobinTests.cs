using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messaging;

public sealed class RoundRobinTests
{
    [Fact]
    public void Destinations_are_taken_in_turn()
    {
        var group = new RoundRobinGroup<string>(["a", "b", "c"]);

        var picked = new string[6];
        for (var i = 0; i < picked.Length; i++)
        {
            Assert.True(group.TryPick(out var lease));
            picked[i] = lease.Destination;
            lease.Dispose();
        }

        Assert.Equal(["a", "b", "c", "a", "b", "c"], picked);
    }

    [Fact]
    public void Every_destination_gets_its_share_within_one_across_threads()
    {
        const int Threads = 4;
        const int PicksPerThread = 25_001;
        var group = new RoundRobinGroup<int>([0, 1, 2, 3, 4, 5, 6]);
        var counts = new int[group.Count];

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            for (var i = 0; i < PicksPerThread; i++)
            {
                group.TryPick(out var lease);
                Interlocked.Increment(ref counts[lease.Destination]);
            }
        });

        var share = Threads * PicksPerThread / group.Count;
        foreach (var count in counts)
        {
            Assert.InRange(count, share - 1, share + 1);
        }
    }

    [Fact]
    public void Down_destinations_are_skipped_and_the_rest_share_evenly()
    {
        var health = new DestinationHealth(3, new HealthPolicy { FailureThreshold = 1, TimeProvider = new FakeClock() });
        var group = new RoundRobinGroup<string>(["a", "b", "c"], health);
        health.Failed(1);

        var a = 0;
        var c = 0;
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(group.TryPick(out var lease));
            Assert.NotEqual("b", lease.Destination);
            (lease.Destination == "a" ? ref a : ref c)++;
        }

        Assert.InRange(a, 450, 550);
        Assert.Equal(1000, a + c);
    }

    [Fact]
    public void A_pick_fails_when_every_destination_is_down()
    {
        var health = new DestinationHealth(2, new HealthPolicy { FailureThreshold = 1, TimeProvider = new FakeClock() });
        var group = new RoundRobinGroup<string>(["a", "b"], health);
        health.Failed(0);
        health.Failed(1);

        Assert.False(group.TryPick(out var lease));
        Assert.False(lease.IsActive);
    }
}
