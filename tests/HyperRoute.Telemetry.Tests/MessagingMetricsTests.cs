using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace HyperRoute.Telemetry.Tests;

/// <summary>
/// <c>messaging.client.consumed.messages</c>: one per message a generated router decided on, by outcome; and
/// <c>messaging.process.duration</c>: the time from the source handing its frame to the handler until that outcome.
/// The tests of this class run one after another (one xunit collection), so no other delivery is measured meanwhile.
/// </summary>
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

    [Fact]
    public void Each_message_s_processing_time_is_recorded_once_under_its_outcome_and_its_router_s_name()
    {
        using var duration = new MetricCollector<double>((object?)null, "HyperRoute.Messaging", "messaging.process.duration");
        var counters = new MessageCounters("timed-readings");
        var source = new InProcessSource<ReadingRouter.FrameHandler>(new ReadingRouter.FrameHandler(counters));

        source.Deliver(Reading.Frame(1, 5));
        source.Deliver(Reading.Frame(1, -5));
        source.Deliver(Reading.Frame(9, 5));
        source.Deliver([1, 2]);

        Assert.Equal("messaging.process.duration", duration.Instrument!.Name);
        Assert.Equal("s", duration.Instrument.Unit);
        Assert.Equal("HyperRoute.Messaging", duration.Instrument.Meter.Name);
        var measurements = duration.GetMeasurementSnapshot();
        Assert.Equal(4, measurements.Count);
        Assert.All(measurements, m => Assert.True(m.Value > 0 && m.Value < 5, $"{m.Value} s"));
        Assert.Equal(["routed", "rejected", "unrouted", "malformed"], measurements.Select(m => (string)m.Tags["hyperroute.message.outcome"]!));
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["hyperroute.message.outcome"] = "routed",
                ["messaging.destination.name"] = "timed-readings",
                ["messaging.operation.name"] = "process",
                ["messaging.system"] = "hyperroute",
            },
            measurements[0].Tags.ToDictionary(t => t.Key, t => t.Value));
        foreach (var (measurement, outcome) in measurements.Skip(1).Zip(["rejected", "unrouted", "malformed"]))
        {
            Assert.Equal(
                new Dictionary<string, object?>
                {
                    ["error.type"] = outcome,
                    ["hyperroute.message.outcome"] = outcome,
                    ["messaging.destination.name"] = "timed-readings",
                    ["messaging.operation.name"] = "process",
                    ["messaging.system"] = "hyperroute",
                },
                measurement.Tags.ToDictionary(t => t.Key, t => t.Value));
        }

        Assert.Equal(4, counters.Total);
    }

    [Fact]
    public void Unnamed_counters_record_the_duration_without_a_destination()
    {
        using var duration = new MetricCollector<double>((object?)null, "HyperRoute.Messaging", "messaging.process.duration");
        var source = new InProcessSource<ReadingRouter.FrameHandler>(new ReadingRouter.FrameHandler(new MessageCounters()));

        source.Deliver(Reading.Frame(1, 5));

        var measurement = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.False(measurement.Tags.ContainsKey("messaging.destination.name"));
        Assert.Equal("routed", measurement.Tags["hyperroute.message.outcome"]);
    }

    [Fact]
    public void Without_a_source_s_start_nothing_is_timed()
    {
        using var duration = new MetricCollector<double>((object?)null, "HyperRoute.Messaging", "messaging.process.duration");
        var counters = new MessageCounters("untimed");

        new ReadingRouter.FrameHandler(counters).OnFrame(Reading.Frame(1, 5), default); // called by hand, not by a source
        counters.Count(MessageOutcome.Unrouted);

        Assert.Empty(duration.GetMeasurementSnapshot());
        Assert.Equal(2, counters.Total);
    }

    [Fact]
    public async Task A_pending_async_handler_is_timed_until_its_work_completed()
    {
        using var duration = new MetricCollector<double>((object?)null, "HyperRoute.Messaging", "messaging.process.duration");
        var counters = new MessageCounters("slow-readings");
        var source = new InProcessSource<SlowReadingRouter.FrameHandler>(new SlowReadingRouter.FrameHandler(counters));

        var delivery = source.DeliverAsync(Reading.Frame(1, 5));
        Assert.False(delivery.IsCompleted);
        await delivery;
        await source.DeliverAsync(Reading.Frame(9, 5)); // unrouted: decided at once, on the delivering thread

        var measurements = duration.GetMeasurementSnapshot();
        Assert.Equal(["routed", "unrouted"], measurements.Select(m => (string)m.Tags["hyperroute.message.outcome"]!));
        Assert.True(measurements[0].Value >= (SlowReadingRouter.DelayMilliseconds - 5) / 1000.0, $"{measurements[0].Value} s");
        Assert.True(measurements[1].Value > 0 && measurements[1].Value < SlowReadingRouter.DelayMilliseconds / 1000.0, $"{measurements[1].Value} s");
        Assert.All(measurements, m => Assert.Equal("slow-readings", m.Tags["messaging.destination.name"]));
    }

    [Fact]
    public async Task Frames_of_a_framed_TCP_source_are_timed_per_frame()
    {
        using var duration = new MetricCollector<double>((object?)null, "HyperRoute.Messaging", "messaging.process.duration");
        var counters = new MessageCounters("tcp-readings");
        await using var source = FramedTcpSource.Start(new ReadingRouter.FrameHandler(counters));
        using var client = new TcpClient();
        await client.ConnectAsync(source.EndPoint);

        byte[][] frames = [Reading.Frame(1, 5), Reading.Frame(1, -5), Reading.Frame(9, 5), [1, 2]];
        var bytes = new List<byte>();
        foreach (var frame in frames)
        {
            var prefix = new byte[4];
            Assert.True(FrameReader.TryWritePrefix(prefix, frame.Length, default));
            bytes.AddRange(prefix);
            bytes.AddRange(frame);
        }

        await client.GetStream().WriteAsync(bytes.ToArray());
        for (var until = DateTime.UtcNow.AddSeconds(5); counters.Total < frames.Length; await Task.Delay(5))
        {
            Assert.True(DateTime.UtcNow < until, "The frames were not counted in time.");
        }

        var measurements = duration.GetMeasurementSnapshot();
        Assert.Equal(["routed", "rejected", "unrouted", "malformed"], measurements.Select(m => (string)m.Tags["hyperroute.message.outcome"]!));
        Assert.All(measurements, m => Assert.True(m.Value > 0 && m.Value < 5, $"{m.Value} s"));
        Assert.All(measurements, m => Assert.Equal("tcp-readings", m.Tags["messaging.destination.name"]));
    }

    [Fact]
    public async Task Datagrams_of_a_UDP_source_are_timed_per_datagram()
    {
        using var duration = new MetricCollector<double>((object?)null, "HyperRoute.Messaging", "messaging.process.duration");
        var counters = new MessageCounters("udp-readings");
        await using var source = UdpSource.Start(new ReadingRouter.FrameHandler(counters));
        using var client = new UdpClient();
        byte[][] datagrams = [Reading.Frame(1, 5), Reading.Frame(9, 5), [1, 2]];
        foreach (var datagram in datagrams)
        {
            await client.SendAsync(datagram, source.EndPoint);
        }

        for (var until = DateTime.UtcNow.AddSeconds(5); counters.Total < datagrams.Length; await Task.Delay(5))
        {
            Assert.True(DateTime.UtcNow < until, "The datagrams were not counted in time.");
        }

        var measurements = duration.GetMeasurementSnapshot();
        Assert.Equal(["routed", "unrouted", "malformed"], measurements.Select(m => (string)m.Tags["hyperroute.message.outcome"]!));
        Assert.All(measurements, m => Assert.True(m.Value > 0 && m.Value < 5, $"{m.Value} s"));
        Assert.All(measurements, m => Assert.Equal("udp-readings", m.Tags["messaging.destination.name"]));
    }

    [Fact]
    public void With_a_listener_attached_timing_a_delivery_allocates_nothing()
    {
        long recorded = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "HyperRoute.Messaging")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => recorded++);
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        listener.Start();
        var source = new InProcessSource<ReadingRouter.FrameHandler>(new ReadingRouter.FrameHandler(new MessageCounters("allocation")));
        var routed = Reading.Frame(1, 5);
        var unrouted = Reading.Frame(9, 5);
        for (var i = 0; i < 100; i++)
        {
            source.Deliver(routed); // warm-up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            source.Deliver(i % 2 == 0 ? routed : unrouted);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(10_100, recorded);
    }
}
