using System;

namespace HyperRoute.Messaging;

/// <summary>
/// One pick of a destination: which one, and the handle through which the caller reports the outcome and ends the send.
/// </summary>
/// <remarks>
/// <para><b>The lease rule.</b> Dispose every lease a successful pick returns exactly once, when the send is over
/// (<c>using var lease = …</c>, or <c>Dispose</c> in a <c>finally</c>). Least-in-flight counts a destination's
/// outstanding sends from pick to dispose: a lease never disposed leaves its destination looking busy for good, and a
/// lease disposed twice (a copy of the struct disposed as well) undercounts it. The counts are visible through
/// <see cref="LeastInFlightGroup{TDestination}.InFlight"/>, so a leak shows up there rather than silently.</para>
/// <para>Reporting and releasing are separate: call <see cref="Succeeded"/> or <see cref="Failed"/> (at most once)
/// to feed the group's <see cref="DestinationHealth"/>, then dispose. A default lease (from a failed pick) does nothing.</para>
/// </remarks>
public readonly struct DestinationLease<TDestination> : IDisposable
{
    private readonly DestinationGroup<TDestination>? _group;

    internal DestinationLease(DestinationGroup<TDestination> group, int index, TDestination destination)
    {
        _group = group;
        Index = index;
        Destination = destination;
    }

    /// <summary>The destination picked.</summary>
    public TDestination Destination { get; }

    /// <summary>Its position in the group.</summary>
    public int Index { get; }

    /// <summary>Whether this lease came from a successful pick (a default lease did not).</summary>
    public bool IsActive => _group is not null;

    /// <summary>Reports that the send to this destination succeeded (resets its failure count; restores it after a probe).</summary>
    [HotPath]
    public void Succeeded() => _group?.Health?.Succeeded(Index);

    /// <summary>Reports that the send to this destination failed (counts toward marking it down; backs off after a failed probe).</summary>
    public void Failed() => _group?.Health?.Failed(Index);

    /// <summary>Ends the send: least-in-flight stops counting it. Call exactly once.</summary>
    [HotPath]
    public void Dispose() => _group?.ReleaseLease(Index);
}
