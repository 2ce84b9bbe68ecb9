using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;

namespace HyperRoute.Messaging;

/// <summary>
/// Sends every message with the same key to the same destination, and keeps doing so when destinations come and go:
/// a hash ring with <see cref="VirtualNodes"/> points per destination, hashed with xxHash64 (stable across processes).
/// </summary>
/// <remarks>
/// <para>Each destination has a name (its identity on the ring: give the same destination the same name in every
/// group). Its points are <c>XXH64(UTF-8 name, seed = replica)</c> for each replica; a key goes to the owner of the
/// first point at or after <c>XXH64(key)</c>, wrapping around. Adding a destination to N moves only the keys that its
/// points take over, about 1/(N+1) of them, all to the new destination; removing one moves only the keys it owned.</para>
/// <para>A pick hashes the key and finds its point through a table indexed by the hash's top bits (about one bucket per
/// point), so it reads one or two points rather than binary-searching all of them. With health, a pick whose
/// owner is down walks on around the ring to the next owner that is up (or due a probe), so a down destination's keys
/// spread over the others and come back when it is restored.</para>
/// </remarks>
public sealed class ConsistentHashGroup<TDestination> : DestinationGroup<TDestination>
{
    /// <summary>Points on the ring per destination unless told otherwise.</summary>
    public const int DefaultVirtualNodes = 160;

    private readonly ulong[] _points;
    private readonly int[] _owners;
    private readonly int[] _bucketStarts; // the first point of each range of top bits: the search starts there
    private readonly int _bucketShift;

    /// <summary>
    /// A ring over <paramref name="destinations"/>, each named by <paramref name="name"/> (names must be distinct), with
    /// <paramref name="virtualNodes"/> points each.
    /// </summary>
    public ConsistentHashGroup(
        IEnumerable<TDestination> destinations,
        Func<TDestination, string> name,
        int virtualNodes = DefaultVirtualNodes,
        DestinationHealth? health = null)
        : base(destinations, health)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodes, 1);
        VirtualNodes = virtualNodes;

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ring = new (ulong Point, string Name, int Owner)[Count * virtualNodes];
        for (var owner = 0; owner < Count; owner++)
        {
            var text = name(this[owner]) ?? throw new ArgumentException($"Destination {owner} has no name.", nameof(name));
            if (!names.Add(text))
            {
                throw new ArgumentException($"Two destinations are named '{text}'; names identify destinations on the ring.", nameof(name));
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            for (var replica = 0; replica < virtualNodes; replica++)
            {
                ring[(owner * virtualNodes) + replica] = (XxHash64.Hash(bytes, (ulong)replica), text, owner);
            }
        }

        // Sorted by point, then by name, so a (vanishingly rare) collision resolves the same way in every group.
        Array.Sort(ring, static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : string.CompareOrdinal(a.Name, b.Name));
        _points = new ulong[ring.Length];
        _owners = new int[ring.Length];
        for (var i = 0; i < ring.Length; i++)
        {
            _points[i] = ring[i].Point;
            _owners[i] = ring[i].Owner;
        }

        // About one bucket per point (a power of two), keyed by the top bits of the hash: a lookup reads its
        // bucket's start and steps over the (on average less than one) points before the key's hash.
        var bits = Math.Clamp(BitOperations.Log2((uint)_points.Length - 1) + 1, 1, 20);
        _bucketShift = 64 - bits;
        _bucketStarts = new int[(1 << bits) + 1];
        var point = 0;
        for (var bucket = 0; bucket < _bucketStarts.Length - 1; bucket++)
        {
            while (point < _points.Length && (int)(_points[point] >> _bucketShift) < bucket)
            {
                point++;
            }

            _bucketStarts[bucket] = point;
        }

        _bucketStarts[^1] = _points.Length;
    }

    /// <summary>Points on the ring per destination.</summary>
    public int VirtualNodes { get; }

    /// <summary>The stable 64-bit hash of a key (xxHash64, seed 0): what the ring is searched with.</summary>
    [HotPath]
    public static ulong HashKey(ReadOnlySpan<byte> key) => XxHash64.Hash(key);

    /// <summary>The destination index that owns <paramref name="key"/>, ignoring health.</summary>
    [HotPath]
    public int OwnerOf(ReadOnlySpan<byte> key) => _owners[FirstPointAtOrAfter(HashKey(key))];

    /// <inheritdoc/>
    [HotPath]
    public override bool TryPick(ReadOnlySpan<byte> key, out DestinationLease<TDestination> lease)
    {
        var position = FirstPointAtOrAfter(HashKey(key));
        var owner = _owners[position];
        if (Health is null || TryAcquire(owner))
        {
            lease = LeaseOf(owner);
            return true;
        }

        // The owner is down: walk on around the ring. Owners already refused are remembered (for the first 64), so
        // each is asked once and the walk stops once all have refused.
        var refused = owner < 64 ? 1UL << owner : 0UL;
        var refusals = 1;
        for (var step = 1; step < _owners.Length && refusals < Count; step++)
        {
            var next = position + step;
            if (next >= _owners.Length)
            {
                next -= _owners.Length;
            }

            var candidate = _owners[next];
            if (candidate == owner || (candidate < 64 && (refused & (1UL << candidate)) != 0))
            {
                continue;
            }

            if (TryAcquire(candidate))
            {
                lease = LeaseOf(candidate);
                return true;
            }

            if (candidate < 64)
            {
                refused |= 1UL << candidate;
            }

            refusals++;
        }

        lease = default;
        return false; // every destination is down and none is due a probe
    }

    /// <summary>The ring position of the first point at or after <paramref name="hash"/>, wrapping round.</summary>
    internal int FirstPointAtOrAfter(ulong hash)
    {
        // Points of earlier buckets are all below the hash and points of later ones all above it, so the answer is in
        // the hash's bucket or is the first point after it.
        var bucket = (int)(hash >> _bucketShift);
        var index = _bucketStarts[bucket];
        var end = _bucketStarts[bucket + 1];
        var points = _points;
        while (index < end && points[index] < hash)
        {
            index++;
        }

        return index == points.Length ? 0 : index;
    }

    /// <summary>The sorted points of the ring (for tests).</summary>
    internal ReadOnlySpan<ulong> Points => _points;
}
