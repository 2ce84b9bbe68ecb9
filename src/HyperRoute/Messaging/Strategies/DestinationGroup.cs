using System;
using System.Collections.Generic;

namespace HyperRoute.Messaging;

/// <summary>
/// A fixed set of destinations and the strategy that picks one of them for each message. A router chooses the group
/// by message content; the group chooses the destination.
/// </summary>
/// <remarks>
/// <para>A group is immutable: to add or remove a destination, build a new group and swap the reference (a plain
/// reference write is atomic). Every strategy is safe for any number of concurrent pickers and allocates nothing per
/// pick once constructed.</para>
/// <para>Every pick returns a <see cref="DestinationLease{TDestination}"/>. Report the outcome on it
/// (<see cref="DestinationLease{TDestination}.Succeeded"/> / <see cref="DestinationLease{TDestination}.Failed"/>) and
/// dispose it exactly once when the send is over: <c>using var lease = …</c>. Only least-in-flight counts leases, but
/// the rule is the same for every group so a router can treat them alike.</para>
/// <para>With a <see cref="DestinationHealth"/>, every strategy skips destinations that are down and sends a single probe
/// to one whose retry time has come (see <c>docs/strategies.md</c>).</para>
/// </remarks>
/// <typeparam name="TDestination">Anything that identifies where to send: an endpoint, a channel, a connection.</typeparam>
public abstract class DestinationGroup<TDestination>
{
    private readonly TDestination[] _destinations;

    /// <summary>Copies the destinations; <paramref name="health"/>, when given, must track the same number of them.</summary>
    private protected DestinationGroup(IEnumerable<TDestination> destinations, DestinationHealth? health)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        _destinations = [.. destinations];
        if (_destinations.Length == 0)
        {
            throw new ArgumentException("A destination group needs at least one destination.", nameof(destinations));
        }

        if (health is not null && health.Count != _destinations.Length)
        {
            throw new ArgumentException($"The health tracker tracks {health.Count} destinations; the group has {_destinations.Length}.", nameof(health));
        }

        Health = health;
    }

    /// <summary>How many destinations the group holds.</summary>
    public int Count => _destinations.Length;

    /// <summary>The destination at <paramref name="index"/> (the order the group was built with).</summary>
    public TDestination this[int index] => _destinations[index];

    /// <summary>The destinations, in the order the group was built with.</summary>
    public ReadOnlySpan<TDestination> Destinations => _destinations;

    /// <summary>The health tracker the strategy consults, or <see langword="null"/> when every destination is always eligible.</summary>
    public DestinationHealth? Health { get; }

    /// <summary>
    /// Picks a destination for a message with routing key <paramref name="key"/> (only consistent hashing reads it).
    /// Returns <see langword="false"/> (and a default lease) when every destination is down and none is due a probe.
    /// </summary>
    [HotPath]
    public abstract bool TryPick(ReadOnlySpan<byte> key, out DestinationLease<TDestination> lease);

    /// <summary>Picks a destination for a message without a routing key; see <see cref="TryPick(ReadOnlySpan{byte}, out DestinationLease{TDestination})"/>.</summary>
    [HotPath]
    public bool TryPick(out DestinationLease<TDestination> lease) => TryPick(default, out lease);

    /// <summary>Called once per disposed lease; least-in-flight decrements its count here.</summary>
    private protected virtual void Release(int index)
    {
    }

    internal void ReleaseLease(int index) => Release(index);

    /// <summary>A lease on the destination at <paramref name="index"/>.</summary>
    private protected DestinationLease<TDestination> LeaseOf(int index) => new(this, index, _destinations[index]);

    /// <summary>Whether the destination may take this message: up, or down and this pick claimed its probe.</summary>
    private protected bool TryAcquire(int index) => Health is not { } health || health.TryAcquire(index);
}
