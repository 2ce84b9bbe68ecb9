using System;
using System.Collections.Generic;
using System.Linq;
using HyperRoute.Messaging;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Messaging;

public sealed class ConsistentHashTests(ITestOutputHelper output)
{
    private const int Keys = 100_000;

    [Fact]
    public void The_same_key_goes_to_the_same_destination_in_every_new_group()
    {
        var first = Ring("n0", "n1", "n2", "n3");
        var second = Ring("n0", "n1", "n2", "n3");

        foreach (var key in RandomKeys(1_000))
        {
            Assert.Equal(first.OwnerOf(key), second.OwnerOf(key));
        }
    }

    [Fact]
    public void Placement_is_stable_across_processes()
    {
        // Pinned: a randomised hash (HashCode) would change these from run to run.
        var ring = Ring("n0", "n1", "n2", "n3");
        Assert.Equal(0x44BC2CF5AD770999UL, ConsistentHashGroup<string>.HashKey("abc"u8));
        Assert.Equal(
            [0, 2, 1, 0, 3, 2, 3, 3],
            new[] { "user:1"u8.ToArray(), "user:2"u8.ToArray(), "user:3"u8.ToArray(), "user:4"u8.ToArray(),
                    "order:1"u8.ToArray(), "order:2"u8.ToArray(), "order:3"u8.ToArray(), "order:4"u8.ToArray() }
                .Select(k => ring.OwnerOf(k)));
    }

    [Fact]
    public void Keys_spread_evenly_over_the_destinations()
    {
        var ring = Ring("n0", "n1", "n2", "n3");
        var counts = new int[ring.Count];
        foreach (var key in RandomKeys(Keys))
        {
            Assert.True(ring.TryPick(key, out var lease));
            counts[lease.Index]++;
        }

        output.WriteLine($"keys per destination: {string.Join(", ", counts)}");
        foreach (var count in counts)
        {
            Assert.InRange(count, Keys / 4 * 0.85, Keys / 4 * 1.15);
        }
    }

    [Fact]
    public void Adding_a_destination_moves_about_one_in_n_plus_one_keys_all_to_it()
    {
        var before = Ring("n0", "n1", "n2", "n3");
        var after = Ring("n0", "n1", "n2", "n3", "n4");

        var moved = 0;
        foreach (var key in RandomKeys(Keys))
        {
            var was = before[before.OwnerOf(key)];
            var now = after[after.OwnerOf(key)];
            if (was != now)
            {
                moved++;
                Assert.Equal("n4", now); // a key only ever moves to the new destination
            }
        }

        var fraction = moved / (double)Keys;
        output.WriteLine($"4 → 5 destinations: {moved} of {Keys} keys moved ({fraction:P2}; ideal 1/5 = 20%)");
        Assert.InRange(fraction, 0.15, 0.25);
    }

    [Fact]
    public void Removing_a_destination_moves_only_its_own_keys()
    {
        var before = Ring("n0", "n1", "n2", "n3", "n4");
        var after = Ring("n0", "n1", "n3", "n4");

        var moved = 0;
        foreach (var key in RandomKeys(Keys))
        {
            var was = before[before.OwnerOf(key)];
            var now = after[after.OwnerOf(key)];
            if (was != now)
            {
                moved++;
                Assert.Equal("n2", was);
            }
        }

        var fraction = moved / (double)Keys;
        output.WriteLine($"5 → 4 destinations: {moved} of {Keys} keys moved ({fraction:P2}; ideal 1/5 = 20%)");
        Assert.InRange(fraction, 0.15, 0.25);
    }

    [Fact]
    public void A_down_destinations_keys_go_elsewhere_and_come_back_when_it_is_restored()
    {
        var clock = new FakeClock();
        var health = new DestinationHealth(4, new HealthPolicy { FailureThreshold = 1, RetryInterval = TimeSpan.FromSeconds(1), TimeProvider = clock });
        var ring = Ring(health, "n0", "n1", "n2", "n3");
        var key = RandomKeys(1)[0];
        var owner = ring.OwnerOf(key);

        health.Failed(owner);
        Assert.True(ring.TryPick(key, out var elsewhere));
        Assert.NotEqual(owner, elsewhere.Index);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(ring.TryPick(key, out var probe)); // the probe goes to the owner
        Assert.Equal(owner, probe.Index);
        probe.Succeeded();

        Assert.True(ring.TryPick(key, out var back));
        Assert.Equal(owner, back.Index);
    }

    [Fact]
    public void A_pick_fails_when_every_destination_is_down()
    {
        var health = new DestinationHealth(3, new HealthPolicy { FailureThreshold = 1, TimeProvider = new FakeClock() });
        var ring = Ring(health, "n0", "n1", "n2");
        health.Failed(0);
        health.Failed(1);
        health.Failed(2);

        Assert.False(ring.TryPick("key"u8, out _));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 160)]
    [InlineData(7, 100)]
    public void A_key_goes_to_the_first_point_at_or_after_its_hash_wrapping_round(int destinations, int virtualNodes)
    {
        var ring = new ConsistentHashGroup<string>(Enumerable.Range(0, destinations).Select(static i => $"n{i}"), static n => n, virtualNodes);
        var points = ring.Points.ToArray();
        var random = new Random(7);
        var hashes = new List<ulong> { 0, ulong.MaxValue, points[0], points[^1], points[^1] + 1, points[0] - 1 };
        foreach (var point in points.Take(50))
        {
            hashes.Add(point);
            hashes.Add(point + 1);
        }

        for (var i = 0; i < 10_000; i++)
        {
            hashes.Add((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));
        }

        foreach (var hash in hashes)
        {
            var expected = Array.FindIndex(points, p => p >= hash);
            Assert.Equal(expected < 0 ? 0 : expected, ring.FirstPointAtOrAfter(hash));
        }
    }

    [Fact]
    public void Two_destinations_with_one_name_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Ring("n0", "n0"));
    }

    private static ConsistentHashGroup<string> Ring(params string[] names) => Ring(null, names);

    private static ConsistentHashGroup<string> Ring(DestinationHealth? health, params string[] names) =>
        new(names, static name => name, health: health);

    private static byte[][] RandomKeys(int count)
    {
        var random = new Random(20261122);
        var keys = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            keys[i] = new byte[16];
            random.NextBytes(keys[i]);
        }

        return keys;
    }
}
