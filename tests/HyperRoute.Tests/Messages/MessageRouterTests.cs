using System;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messages;

/// <summary>Generated message routers call the handler of each key, the fallback for the rest, and parse frames first.</summary>
public sealed class MessageRouterTests
{
    private static Telemetry Message(ushort kind, uint device = 42) => new() { Kind = kind, DeviceId = device, Value = 21.5, Timestamp = 1_700_000_000_000 };

    private static byte[] Frame(ushort kind, uint device = 42)
    {
        var buffer = new byte[Telemetry.FixedSize];
        Assert.True(Message(kind, device).TryWrite(buffer, out _));
        return buffer;
    }

    public MessageRouterTests() => TelemetryRouter.Calls.Clear();

    [Theory]
    [InlineData(1, "Temperature:42")]
    [InlineData(2, "Humidity:42")]
    [InlineData(7, "Battery:42")]
    [InlineData(8, "Battery:42")]
    public void Each_key_goes_to_its_handler(ushort kind, string expected)
    {
        Assert.Equal(MessageOutcome.Routed, TelemetryRouter.Route(Message(kind)));

        Assert.Equal(new[] { expected }, TelemetryRouter.Calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(ushort.MaxValue)]
    public void Keys_without_a_handler_go_to_the_fallback(ushort kind)
    {
        Assert.Equal(MessageOutcome.Routed, TelemetryRouter.Route(Message(kind)));

        Assert.Equal(new[] { "Unknown:" + kind }, TelemetryRouter.Calls);
    }

    [Fact]
    public void Without_a_fallback_an_unmatched_key_is_not_routed()
    {
        var router = new CountingRouter();

        Assert.Equal(MessageOutcome.Unrouted, router.Route(Message(2)));
        Assert.Equal(MessageOutcome.Routed, router.Route(Message(3)));
        Assert.Equal(MessageOutcome.Routed, router.Route(Message(1, device: 5)));

        Assert.Equal(1, router.Temperatures);
        Assert.Equal(5, router.Total);
    }

    [Fact]
    public void TryRoute_reads_the_frame_and_routes_it()
    {
        var frame = Frame(2, device: 9);

        Assert.Equal(MessageOutcome.Routed, TelemetryRouter.TryRoute(frame, out var consumed));

        Assert.Equal(Telemetry.FixedSize, consumed);
        Assert.Equal(new[] { "Humidity:9" }, TelemetryRouter.Calls);
    }

    [Fact]
    public void TryRoute_reads_only_the_message_at_the_start_of_a_longer_frame()
    {
        var frame = new byte[Telemetry.FixedSize + 10];
        Frame(1, device: 3).CopyTo(frame, 0);

        Assert.Equal(MessageOutcome.Routed, TelemetryRouter.TryRoute(frame, out var consumed));

        Assert.Equal(Telemetry.FixedSize, consumed);
        Assert.Equal(new[] { "Temperature:3" }, TelemetryRouter.Calls);
    }

    [Fact]
    public void A_truncated_frame_is_malformed_and_consumes_nothing()
    {
        var frame = Frame(1);
        for (var length = 0; length < frame.Length; length++)
        {
            Assert.Equal(MessageOutcome.Malformed, TelemetryRouter.TryRoute(frame.AsSpan(0, length), out var consumed));
            Assert.Equal(0, consumed);
        }

        Assert.Empty(TelemetryRouter.Calls);
    }

    [Fact]
    public void Without_a_fallback_TryRoute_of_an_unmatched_key_is_unrouted_but_consumes_the_message()
    {
        var router = new CountingRouter();

        Assert.Equal(MessageOutcome.Unrouted, router.TryRoute(Frame(9), out var consumed));

        Assert.Equal(Telemetry.FixedSize, consumed);
        Assert.Equal(0, router.Temperatures);
    }

    [Fact]
    public void An_enum_key_routes_its_members_and_not_the_others()
    {
        var router = new StatusRouter();

        Assert.Equal(MessageOutcome.Routed, router.Route(new DeviceStatus { Mode = Mode.Service }));
        Assert.Equal(Mode.Service, router.Last);
        Assert.Equal(MessageOutcome.Unrouted, router.Route(new DeviceStatus { Mode = Mode.Auto }));
        Assert.Equal(Mode.Service, router.Last);
    }

    [Fact]
    public void Ten_thousand_TryRoute_calls_on_a_telemetry_frame_allocate_nothing()
    {
        var frame = Frame(3);
        var router = new CountingRouter();
        RouteAll(router, frame); // JIT and tiering first

        var before = GC.GetAllocatedBytesForCurrentThread();
        var routed = RouteAll(router, frame);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(22, frame.Length);
        Assert.Equal(10_000, routed);
        Assert.Equal(0, allocated);
    }

    private static int RouteAll(CountingRouter router, byte[] frame)
    {
        ReadOnlySpan<byte> span = frame;
        var routed = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (router.TryRoute(span, out _) == MessageOutcome.Routed)
            {
                routed++;
            }
        }

        return routed;
    }
}
