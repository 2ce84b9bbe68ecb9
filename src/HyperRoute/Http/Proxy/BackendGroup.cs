using System;
using System.Threading;
using HyperRoute.Messaging;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// The backends a proxied route forwards to, the strategy that picks one per request (any
/// <see cref="DestinationGroup{TDestination}"/>: round-robin, smooth weighted, least-in-flight, consistent hash,
/// failover, each with its <see cref="DestinationHealth"/>), where the hash key comes from, and how requests are
/// forwarded.
/// </summary>
/// <remarks>
/// Membership changes at run time with <see cref="Update"/>: requests already forwarded finish on the members they
/// picked (their lease holds them), new requests pick among the new members.
/// </remarks>
public sealed class BackendGroup : IDisposable
{
    private DestinationGroup<HttpBackend> _members;
    private ActiveHealthCheck? _healthCheck;

    /// <summary>A group over <paramref name="members"/>.</summary>
    public BackendGroup(DestinationGroup<HttpBackend> members, ProxyOptions? options = null, HashKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        options ??= ProxyOptions.Default;
        options.Validate();
        _members = members;
        Options = options;
        Key = key ?? HashKey.None;
        ViaLine = System.Text.Encoding.ASCII.GetBytes("1.1 " + options.ViaName);
    }

    /// <summary>The members and their strategy now.</summary>
    public DestinationGroup<HttpBackend> Members => Volatile.Read(ref _members);

    /// <summary>How requests are forwarded.</summary>
    public ProxyOptions Options { get; }

    /// <summary>Where each request's hash key comes from.</summary>
    public HashKey Key { get; }

    internal byte[] ViaLine { get; }

    /// <summary>
    /// Replaces the members (and their strategy): new requests pick among <paramref name="members"/>; requests in
    /// flight finish where they are. Returns the previous members, whose backends the caller disposes once they are
    /// no longer in any group (their busy connections close when their requests end).
    /// </summary>
    public DestinationGroup<HttpBackend> Update(DestinationGroup<HttpBackend> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var previous = Interlocked.Exchange(ref _members, members);
        return previous;
    }

    /// <summary>
    /// Starts an active health check: every <see cref="ActiveHealthCheckOptions.Interval"/>, a <c>GET</c> of
    /// <see cref="ActiveHealthCheckOptions.Path"/> on each member, on a connection of its own; a 2xx answer within the
    /// time limit marks the member up, anything else marks it down. The group's strategy needs a
    /// <see cref="DestinationHealth"/> for this to matter.
    /// </summary>
    public void StartHealthChecks(ActiveHealthCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var check = new ActiveHealthCheck(this, options);
        if (Interlocked.CompareExchange(ref _healthCheck, check, null) is not null)
        {
            check.Dispose();
            throw new InvalidOperationException("The group's health checks already run.");
        }

        check.Start();
    }

    /// <summary>Stops the health checks (the members are the caller's to dispose).</summary>
    public void Dispose() => Interlocked.Exchange(ref _healthCheck, null)?.Dispose();
}
