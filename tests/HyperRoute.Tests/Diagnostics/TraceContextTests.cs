using System;
using System.Diagnostics;
using System.Text;
using HyperRoute.Diagnostics;
using Xunit;

namespace HyperRoute.Tests.Diagnostics;

/// <summary>W3C <c>traceparent</c> over UTF-8 bytes: what a proxy or a broker destination writes, and reads back.</summary>
public sealed class TraceContextTests
{
    [Fact]
    public void A_context_is_written_as_a_version_00_traceparent_and_read_back()
    {
        var context = new ActivityContext(
            ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c"),
            ActivitySpanId.CreateFromString("b7ad6b7169203331"),
            ActivityTraceFlags.Recorded);
        Span<byte> buffer = stackalloc byte[64];

        Assert.True(TraceContext.TryFormatTraceParent(context, buffer, out var written));

        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", Encoding.ASCII.GetString(buffer[..written]));
        Assert.True(TraceContext.TryParseTraceParent(buffer[..written], out var traceId, out var spanId, out var flags));
        Assert.Equal((context.TraceId, context.SpanId, context.TraceFlags), (traceId, spanId, flags));
    }

    [Fact]
    public void Nothing_is_written_without_a_trace_or_room_for_it()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);

        Assert.False(TraceContext.TryFormatTraceParent(default, new byte[64], out _));
        Assert.False(TraceContext.TryFormatTraceParent(context, new byte[54], out _));
        Assert.False(TraceContext.TryFormatCurrent(new byte[64], out _)); // no current activity on a test thread
    }

    [Fact]
    public void A_later_version_is_read_by_its_first_four_fields()
    {
        Assert.True(TraceContext.TryParseTraceParent("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00-what-comes-next"u8, out var traceId, out _, out var flags));
        Assert.Equal(("0af7651916cd43dd8448eb211c80319c", ActivityTraceFlags.None), (traceId.ToHexString(), flags));
    }

    [Fact]
    public void Writing_a_traceparent_allocates_nothing()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var buffer = new byte[TraceContext.TraceParentLength];
        var ok = TraceContext.TryFormatTraceParent(context, buffer, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            ok &= TraceContext.TryFormatTraceParent(context, buffer, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ok);
    }
}
