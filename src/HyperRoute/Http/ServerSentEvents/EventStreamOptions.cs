using System;

namespace HyperRoute.Http.ServerSentEvents;

/// <summary>How an <see cref="EventStream"/> keeps its connection alive.</summary>
public sealed record EventStreamOptions
{
    /// <summary>The defaults: a heartbeat comment after 15 s without an event.</summary>
    public static EventStreamOptions Default { get; } = new();

    /// <summary>
    /// After this long without an event, a comment line (<c>:</c>) goes out, so proxies keep the connection and a
    /// vanished client is noticed; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);
}
