using System;
using HyperRoute.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>The in-process source: the handler contract without a socket.</summary>
public sealed class InProcessSourceTests
{
    [Fact]
    public void Delivered_frames_reach_the_handler_in_order_with_their_sequence()
    {
        var log = new FrameLog();
        var source = new InProcessSource<RecordingHandler>(new RecordingHandler(log));

        source.Deliver(Frames.Text("one"));
        source.Deliver([]);
        source.Deliver(Frames.Text("three"));

        Assert.Equal(["one", "", "three"], log.Texts);
        Assert.Equal([0L, 1, 2], Array.ConvertAll(log.Frames, f => f.Sequence));
        Assert.All(log.Frames, f => Assert.Equal(0, f.ConnectionId));
        Assert.Equal(3, source.FramesReceived);
        Assert.Equal(8, source.BytesReceived);
    }

    [Fact]
    public void Framed_bytes_are_delivered_as_their_complete_frames_and_the_rest_is_reported()
    {
        var log = new FrameLog();
        var source = new InProcessSource<RecordingHandler>(new RecordingHandler(log));
        var bytes = Frames.Encode("a", "b");

        var reader = source.DeliverFramed([.. bytes, 0, 0, 0, 5, 1]);

        Assert.Equal(["a", "b"], log.Texts);
        Assert.Equal(FrameStatus.NeedMore, reader.Status);
        Assert.Equal(bytes.Length, reader.Consumed);
        Assert.Equal(9, reader.Required);
    }

    [Fact]
    public void A_handler_exception_is_counted_and_reaches_the_caller()
    {
        var source = new InProcessSource<RecordingHandler>(new RecordingHandler(new FrameLog { ThrowOn = "boom" }));

        Assert.Throws<InvalidOperationException>(() => source.Deliver(Frames.Text("boom")));
        source.Deliver(Frames.Text("fine"));

        Assert.Equal(1, source.HandlerErrors);
        Assert.Equal(2, source.FramesReceived);
    }
}
