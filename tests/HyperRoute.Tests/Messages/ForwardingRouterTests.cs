using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messages;

/// <summary>[To] handlers: the generated forward sends the message's own layout to the group, keyed, after the handler's steps.</summary>
public sealed class ForwardingRouterTests
{
    private static byte[] Layout(Telemetry message)
    {
        var buffer = new byte[Telemetry.FixedSize];
        Assert.True(message.TryWrite(buffer, out _));
        return buffer;
    }

    [Fact]
    public void A_forwarded_frame_is_the_message_s_own_layout()
    {
        var router = ForwardingRouter.Create();
        var reading = new Telemetry { Kind = 1, DeviceId = 42, Value = 21.5, Timestamp = 7 };

        Assert.Equal(MessageOutcome.Routed, router.Route(in reading));

        var frame = Assert.Single(router.Climate.Destinations.ToArray().SelectMany(d => d.Frames));
        Assert.Equal(Layout(reading), frame);
    }

    [Fact]
    public void Round_robin_spreads_the_kinds_of_one_To_handler_over_its_group()
    {
        var router = ForwardingRouter.Create();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(MessageOutcome.Routed, router.Route(new Telemetry { Kind = (ushort)(1 + (i % 2)), DeviceId = (uint)i }));
        }

        Assert.All(router.Climate.Destinations.ToArray(), d => Assert.Equal(5, d.Accepted));
    }

    [Fact]
    public void The_key_bytes_reach_the_consistent_hash_group_so_every_message_of_a_device_lands_on_one_destination()
    {
        var router = ForwardingRouter.Create();
        var landed = new Dictionary<uint, HashSet<string>>();

        for (uint device = 1; device <= 64; device++)
        {
            for (var i = 0; i < 5; i++)
            {
                var reading = new Telemetry { Kind = (ushort)(i % 2 == 0 ? 7 : 8), DeviceId = device, Value = i };
                Assert.Equal(MessageOutcome.Routed, router.Route(in reading));
            }
        }

        foreach (var destination in router.Power.Destinations)
        {
            foreach (var frame in destination.Frames)
            {
                var device = BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(2));
                (landed.TryGetValue(device, out var set) ? set : landed[device] = []).Add(destination.Name);
            }
        }

        Assert.Equal(64, landed.Count);
        Assert.All(landed.Values, names => Assert.Single(names));
        Assert.True(router.Power.Destinations.ToArray().Count(d => d.Accepted > 0) > 1, "one destination took every device");

        // The key is DeviceId's 4 bytes in the message's (big-endian) order: the group picks the same destination for them.
        Span<byte> key = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(key, 5);
        Assert.True(router.Power.TryPick(key, out var lease));
        using (lease)
        {
            Assert.Equal(landed[5].Single(), lease.Destination.Name);
        }
    }

    [Fact]
    public void When_every_destination_refuses_the_outcome_is_undelivered_and_counted()
    {
        var router = ForwardingRouter.Create();
        foreach (var destination in router.Climate.Destinations)
        {
            destination.Answer = SendResult.Disconnected;
        }

        var counters = new MessageCounters();
        var handler = new ForwardingRouter.FrameHandler(router, counters);
        handler.OnFrame(Layout(new Telemetry { Kind = 1, DeviceId = 3 }), default);
        handler.OnFrame(Layout(new Telemetry { Kind = 7, DeviceId = 3 }), default);

        Assert.Equal(MessageOutcome.Undelivered, router.Route(new Telemetry { Kind = 2, DeviceId = 3 }));
        Assert.Equal(1, counters.Undelivered);
        Assert.Equal(1, counters.Routed);
        Assert.Equal(2, counters.Total);
        Assert.All(router.Climate.Destinations.ToArray(), d => Assert.True(d.Attempts > 0));
        Assert.Contains("undelivered 1", counters.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failover_group_takes_the_message_on_its_standby_when_the_primary_refuses()
    {
        var router = ForwardingRouter.Create();
        router.Alarms[0].Answer = SendResult.Failed;

        Assert.Equal(MessageOutcome.Routed, router.Route(new Telemetry { Kind = 4, DeviceId = 9, Value = 500 }));

        Assert.Empty(router.Alarms[0].Frames);
        Assert.Single(router.Alarms[1].Frames);
    }

    [Fact]
    public void A_To_handler_s_steps_run_before_it_forwards_and_a_refusal_sends_nothing()
    {
        var router = ForwardingRouter.Create();
        MessageTrace.Steps.Clear();

        Assert.Equal(MessageOutcome.Routed, router.Route(new Telemetry { Kind = 4, DeviceId = 9, Value = 500 }));
        Assert.Equal(["InRange", "Calibrate"], MessageTrace.Steps);
        var sent = Telemetry.TryRead(router.Alarms[0].Frames.Single(), out var forwarded, out _);
        Assert.True(sent);
        Assert.Equal(500.5, forwarded.Value); // calibrated before the forward wrote it

        Assert.Equal(MessageOutcome.Rejected, router.Route(new Telemetry { Kind = 4, DeviceId = 9, Value = 5000 }));
        Assert.Single(router.Alarms[0].Frames);
        Assert.Equal(0, router.Others);
    }

    [Fact]
    public void Calling_a_To_handler_directly_forwards_the_message()
    {
        var router = ForwardingRouter.Create();
        var reading = new Telemetry { Kind = 99, DeviceId = 1 }; // no [On] would route it there: the call forwards anyway

        Assert.Equal(MessageOutcome.Routed, router.ToClimate(reading));
        Assert.Equal(Layout(reading), router.Climate[0].Frames.Single());
        Assert.Equal(MessageOutcome.Routed, router.Route(in reading)); // the [Otherwise] handler
        Assert.Equal(1, router.Others);
    }

    [Fact]
    public void Ten_thousand_routes_that_forward_allocate_nothing()
    {
        var router = ForwardingRouter.Create(keep: false);
        Run(router); // JIT and tiering first

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(router);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2 * 2 * 10_000, router.Climate.Destinations.ToArray().Sum(d => d.Accepted) + router.Power.Destinations.ToArray().Sum(d => d.Accepted));
    }

    private static void Run(ForwardingRouter router)
    {
        var climate = new Telemetry { Kind = 1, DeviceId = 1, Value = 20 };
        var power = new Telemetry { Kind = 7, DeviceId = 2, Value = 3 };
        for (var i = 0; i < 10_000; i++)
        {
            power.DeviceId = (uint)i;
            router.Route(in climate);
            router.Route(in power);
        }
    }

    [Fact]
    public async Task Forwards_reach_framed_TCP_sources_through_real_peers_over_loopback()
    {
        var climateLogs = new[] { new FrameLog(), new FrameLog() };
        var powerLogs = new[] { new FrameLog(), new FrameLog() };
        var sinks = climateLogs.Concat(powerLogs).Select(log => FramedTcpSource.Start(new RecordingHandler(log))).ToArray();
        var peers = sinks.Select(sink => new TcpPeer(new TcpPeerOptions { Host = "127.0.0.1", Port = sink.EndPoint.Port })).ToArray();
        try
        {
            var router = new TcpForwardingRouter(
                new RoundRobinGroup<TcpPeer>([peers[0], peers[1]]),
                new ConsistentHashGroup<TcpPeer>([peers[2], peers[3]], static peer => peer.ToString()));
            await Frames.WaitUntil(() => peers.All(p => p.ConnectedCount > 0));

            var sent = new List<Telemetry>();
            for (uint i = 0; i < 40; i++)
            {
                var reading = new Telemetry { Kind = (ushort)(i % 2 == 0 ? 1 : 7), DeviceId = i % 8, Value = i };
                Assert.Equal(MessageOutcome.Routed, router.Route(in reading));
                sent.Add(reading);
            }

            await Frames.WaitUntil(() => climateLogs.Sum(l => l.Count) == 20 && powerLogs.Sum(l => l.Count) == 20);
            Assert.All(climateLogs, log => Assert.Equal(10, log.Count));
            var received = climateLogs.Concat(powerLogs).SelectMany(l => l.Frames).Select(f => Convert.ToHexString(f.Bytes)).Order();
            Assert.Equal(sent.Select(m => Convert.ToHexString(Layout(m))).Order(), received);

            var devicesPerSink = powerLogs.Select(log => log.Frames.Select(f => BinaryPrimitives.ReadUInt32BigEndian(f.Bytes.AsSpan(2))).ToHashSet()).ToArray();
            Assert.Empty(devicesPerSink[0].Intersect(devicesPerSink[1])); // each device on one sink
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }

            foreach (var sink in sinks)
            {
                await sink.DisposeAsync();
            }
        }
    }
}
