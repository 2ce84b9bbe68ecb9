using System.Collections.Generic;
using System.Linq;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace HyperRoute.Telemetry.Tests;

/// <summary><c>messaging.client.consumed.messages</c>: one per message a generated router decided on, by outcome.</summary>
public sealed class MessagingMetricsTests
{
    [Fact]
    public void Each_message_is_counted_under_its_outcome_and_its_router_s_name()
    {
        using var consumed = new MetricCollector<long>((object?)null, "HyperRoute.Messaging", "messaging.client.consumed.messages");
        var source = new InProcessSource<ReadingRouter.FrameHandler>(new ReadingRouter.FrameHandler(new MessageCounters("readings")));

        source.Deliver(Reading.Frame(1, 5));
        source.Deliver(Reading.Frame(1, -5));
        source.Deliver(Reading.Frame(9, 5));
        source.Deliver([1, 2]);

        Assert.Equal("{message}", consumed.Instrument!.Unit);
        var measurements = consumed.GetMeasurementSnapshot();
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
        Assert.Equal(["routed", "rejected", "unrouted", "malformed"], measurements.Select(m => (string)m.Tags["hyperroute.message.outcome"]!));
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["error.type"] = "rejected",
                ["hyperroute.message.outcome"] = "rejected",
                ["messaging.destination.name"] = "readings",
                ["messaging.operation.name"] = "process",
                ["messaging.system"] = "hyperroute",
            },
            measurements[1].Tags.ToDictionary(t => t.Key, t => t.Value));
        Assert.False(measurements[0].Tags.ContainsKey("error.type"));
    }
}
