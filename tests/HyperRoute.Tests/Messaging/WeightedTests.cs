using System;
using System.Linq;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messaging;

public sealed class WeightedTests
{
    [Fact]
    public void Weights_5_1_1_interleave_as_nginx_does()
    {
        var group = new WeightedGroup<string>([("a", 5), ("b", 1), ("c", 1)]);

        Assert.Equal("aabacaa".Select(static c => c - 'a'), group.Cycle.ToArray());
    }

    [Fact]
    public void Weights_are_honoured_over_many_picks()
    {
        var group = new WeightedGroup<int>([(0, 5), (1, 3), (2, 1), (3, 1)]);
        var counts = new int[group.Count];

        const int Picks = 100_000;
        for (var i = 0; i < Picks; i++)
        {
            group.TryPick(out var lease);
            counts[lease.Destination]++;
        }

        int[] weights = [5, 3, 1, 1];
        for (var i = 0; i < counts.Length; i++)
        {
            var expected = Picks * weights[i] / 10.0;
            Assert.InRange(counts[i], expected * 0.99, expected * 1.01);
        }
    }

    [Fact]
    public void No_destination_runs_longer_than_smooth_weighting_allows()
    {
        // One cycle is a a b a c a a; end to end, the two a's closing one cycle and the two opening the next make the
        // longest run: 4, where plain weighted round-robin would send all 5 together.
        var group = new WeightedGroup<string>([("a", 5), ("b", 1), ("c", 1)]);

        string? previous = null;
        var run = 0;
        var longest = 0;
        for (var i = 0; i < 7_000; i++)
        {
            group.TryPick(out var lease);
            run = lease.Destination == previous ? run + 1 : 1;
            previous = lease.Destination;
            longest = Math.Max(longest, run);
        }

        Assert.Equal(4, longest);
    }

    [Fact]
    public void Weights_with_a_common_divisor_give_the_same_cycle_as_reduced_ones()
    {
        var scaled = new WeightedGroup<string>([("a", 500), ("b", 100), ("c", 100)]);
        var reduced = new WeightedGroup<string>([("a", 5), ("b", 1), ("c", 1)]);

        Assert.Equal(reduced.Cycle.ToArray(), scaled.Cycle.ToArray());
    }

    [Fact]
    public void A_weight_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedGroup<string>([("a", 1), ("b", 0)]));
    }

    [Fact]
    public void A_down_destination_is_skipped_and_the_rest_keep_their_weights_roughly()
    {
        var health = new DestinationHealth(3, new HealthPolicy { FailureThreshold = 1, TimeProvider = new FakeClock() });
        var group = new WeightedGroup<string>([("a", 5), ("b", 3), ("c", 1)], health);
        health.Failed(0);

        var b = 0;
        var c = 0;
        for (var i = 0; i < 9_000; i++)
        {
            Assert.True(group.TryPick(out var lease));
            Assert.NotEqual("a", lease.Destination);
            (lease.Destination == "b" ? ref b : ref c)++;
        }

        Assert.True(b > 2 * c, $"b {b}, c {c}");
    }
}
