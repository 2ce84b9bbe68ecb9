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
/// Recorded by <see cref="MessageCounters.Count(MessageOutcome)"/> only while a listener enables the instrument. With the same tags,
/// <c>messaging.process.duration</c> (seconds): from the moment a source handed the frame to its handler
/// (<see cref="MessageCounters.BeginFrame"/>) until the handler counted its outcome, for pending (async) work when that
/// work completed; the start is stamped only while a listener enables the histogram.
/// </summary>
internal static class MessagingMetrics
{
    private static readonly Meter s_meter = new(TelemetryNames.MessagingMeter, "1.0.0");

    public static readonly Counter<long> ConsumedMessages = s_meter.CreateCounter<long>(
        TelemetryNames.ConsumedMessages, unit: "{message}", description: "Messages a HyperRoute message router decided on, by outcome.");

    public static readonly Histogram<double> ProcessDuration = s_meter.CreateHistogram<double>(
        TelemetryNames.ProcessDuration, unit: "s", description: "Time a HyperRoute message router took to decide on a message, by outcome.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly string[] s_outcomes = ["routed", "unrouted", "rejected", "malformed", "undelivered"];

    /// <summary>One message of <paramref name="outcome"/>, counted under the counters' <paramref name="destination"/> when named.</summary>
    public static void Consumed(MessageOutcome outcome, string? destination)
    {
        var tags = Tags(outcome, destination);
        ConsumedMessages.Add(1, in tags);
    }

    /// <summary>
    /// The processing time of one message of <paramref name="outcome"/> that started at <paramref name="started"/>
    /// (a <see cref="Stopwatch.GetTimestamp"/>), recorded under the counters' <paramref name="destination"/> when named.
    /// </summary>
    public static void Processed(MessageOutcome outcome, string? destination, long started)
    {
        // At the timestamp's own resolution: a TimeSpan (GetElapsedTime) rounds to 100 ns, and a malformed or unrouted
        // message is often decided in less, which would record 0 s.
        var seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
        var tags = Tags(outcome, destination);
        ProcessDuration.Record(seconds, in tags);
    }

    private static TagList Tags(MessageOutcome outcome, string? destination)
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

        return tags;
    }
}
