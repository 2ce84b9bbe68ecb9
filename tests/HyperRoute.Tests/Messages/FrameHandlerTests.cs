using System;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messages;

/// <summary>The generated <c>FrameHandler</c>: one message per frame, routed and counted, wired to a real source.</summary>
public sealed class FrameHandlerTests
{
    private static byte[] Frame(ushort kind, double value = 1, uint device = 42)
    {
        var buffer = new byte[Telemetry.FixedSize];
        Assert.True(new Telemetry { Kind = kind, DeviceId = device, Value = value }.TryWrite(buffer, out _));
        return buffer;
    }

    [Fact]
    public void Each_outcome_is_counted()
    {
        var router = new ThresholdRouter();
        var counters = new MessageCounters();
        var handler = new ThresholdRouter.FrameHandler(router, counters);

        handler.OnFrame(Frame(6), default);                   // routed
        handler.OnFrame(Frame(5, value: 500), default);       // routed by the predicate
        handler.OnFrame(Frame(5, value: 1), default);         // the predicate refuses, no fallback: unrouted
        handler.OnFrame(Frame(7), default);                   // unrouted
        handler.OnFrame(Frame(6, device: 0), default);        // rejected at the source

        Assert.Equal(2, counters.Routed);
        Assert.Equal(2, counters.Unrouted);
        Assert.Equal(1, counters.Rejected);
        Assert.Equal(0, counters.Malformed);
        Assert.Equal((1, 1), (router.Plain, router.Hot));
    }

    [Fact]
    public void Truncated_empty_and_trailing_byte_frames_are_malformed_dropped_and_counted()
    {
        var router = new ThresholdRouter();
        var counters = new MessageCounters();
        var handler = new ThresholdRouter.FrameHandler(router, counters);
        var whole = Frame(6);

        handler.OnFrame(whole.AsSpan(0, whole.Length - 1), default);   // truncated
        handler.OnFrame(ReadOnlySpan<byte>.Empty, default);             // empty
        handler.OnFrame(whole.Concat(new byte[] { 0 }).ToArray(), default); // one byte left over

        Assert.Equal(3, counters.Malformed);
        Assert.Equal(3, counters.Total);
        Assert.Equal(0, router.Plain);
    }

    [Fact]
    public void A_static_router_s_handler_needs_no_router_and_counters_are_optional()
    {
        MessageTrace.Steps.Clear();
        var counters = new MessageCounters();

        new AlarmRouter.FrameHandler(counters).OnFrame(Frame(9, device: 0), default);
        new AlarmRouter.FrameHandler(null).OnFrame(Frame(9), default);

        Assert.Equal(1, counters.Rejected);
        Assert.Equal(1, counters.Total);
        Assert.Equal("Unknown:9", MessageTrace.Steps[^1]);
    }

    [Fact]
    public void An_instance_router_s_handler_needs_its_router()
        => Assert.Throws<ArgumentNullException>(() => new ThresholdRouter.FrameHandler(null!, null));

    [Fact]
    public async Task A_framed_TCP_source_feeds_the_router_over_loopback()
    {
        var router = new ThresholdRouter();
        var counters = new MessageCounters();
        await using var source = FramedTcpSource.Start(new ThresholdRouter.FrameHandler(router, counters));
        using var client = new FrameClient(source.EndPoint);
        var frames = new[] { Frame(6), Frame(5, value: 500), Frame(7), Frame(6, device: 0), Frame(6).AsSpan(0, 10).ToArray(), Frame(6) };

        client.Send(Frames.Encode(default, frames));

        await Frames.WaitUntil(() => counters.Total == frames.Length);
        Assert.Equal(3, counters.Routed);
        Assert.Equal(1, counters.Unrouted);
        Assert.Equal(1, counters.Rejected);
        Assert.Equal(1, counters.Malformed);
        Assert.Equal((2, 1), (router.Plain, router.Hot));
        Assert.Equal(0, source.HandlerErrors);
    }

    [Fact]
    public void Ten_thousand_routes_and_frames_through_predicates_validators_and_transforms_allocate_nothing()
    {
        var router = new ThresholdRouter();
        var counters = new MessageCounters();
        var handler = new ThresholdRouter.FrameHandler(router, counters);
        var hot = Frame(5, value: 500);
        var message = new Telemetry { Kind = 5, DeviceId = 1, Value = 500 };
        Run(router, handler, message, hot); // JIT and tiering first

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(router, handler, message, hot);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(4 * 10_000, router.Hot);
        Assert.Equal(2 * 10_000, counters.Routed);
    }

    private static void Run(ThresholdRouter router, ThresholdRouter.FrameHandler handler, Telemetry message, byte[] frame)
    {
        ReadOnlySpan<byte> span = frame;
        var context = default(FrameContext);
        for (var i = 0; i < 10_000; i++)
        {
            router.Route(in message);
            handler.OnFrame(span, in context);
        }
    }
}
