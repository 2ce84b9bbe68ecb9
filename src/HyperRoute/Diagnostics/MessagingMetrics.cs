using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HyperRoute.Messaging;

namespace HyperRoute.Diagnostics;

/// <summary>
/// The message routers' instruments (meter <see cref="TelemetryNames.MessagingMeter"/>), under the messaging semantic
/// conventions: <c>messaging.client.consumed.messages</c>, one per message a router decided on, tagged with its
/// <see cref="MessageOutcome"/> (<c>hyperroute.message.outcome</c>: <c>routed</c>, <c>unrouted</c>, <c>rejected</c>,
/// <c>malformed</c>, <c>undelivered</c>) and, for the outcomes that drop the message, the same value as <c>error.type</c>.
/// Recorded by <see cref="MessageCounters.Count"/> only while a listener enables the instrument.
/// </summary>
internal static class MessagingMetrics
{
    private static readonly Meter s_meter = new(TelemetryNames.MessagingMeter, "1.0.0");

    public static readonly Counter<long> ConsumedMessages = s_meter.CreateCounter<long>(
        TelemetryNames.ConsumedMessages, unit: "{message}", description: "Messages a HyperRoute message router decided on, by outcome.");

    private static readonly string[] s_outcomes = ["routed", "unrouted", "rejected", "malformed", "undelivered"];

    /// <summary>One message of <paramref name="outcome"/>, counted under the counters' <paramref name="destination"/> when named.</summary>
    public static void Consumed(MessageOutcome outcome, string? destination)
    {
        var name = (uint)outcome < (uint)s_outcomes.Length ? s_outcomes[(int)outcome] : "malformed";
        var tags = new TagList
        {
            { "messaging.system", "hyperroute" },
            { "messaging.operation.name", "process" },
            { "hyperroute.message.outcome", name },
        };
        if (destination is not null)
        {
            tags.Add("messaging.destination.name", destination);
        }

        if (outcome != MessageOutcome.Routed)
        {
            tags.Add("error.type", name);
        }

        ConsumedMessages.Add(1, in tags);
    }
}
