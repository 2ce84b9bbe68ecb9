using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using HyperRoute.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>
/// <see cref="TcpPeerOptions.RequireAcknowledgements"/>: frames are kept until the receiver acknowledges them, a full
/// window makes a send wait, and the frames a failed connection leaves unacknowledged are handed off or resent.
/// </summary>
public sealed class TcpPeerAcknowledgementTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 20_000)]
    public async Task Acknowledgements_from_a_framed_source_release_every_frame_sent_and_queued()
    {
        var handled = new StrongBox();
        await using var source = FramedTcpSource.Start(new Counting(handled), new FramedTcpSourceOptions { SendAcknowledgements = true });
        await using var peer = new TcpPeer(Acknowledged(source.EndPoint.Port));
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(TcpPeerTests.Frame(i)));
        }

        var batch = SendBatch.Enter(); // frames queued in a pass are kept from the moment they are reported sent
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(TcpPeerTests.Frame(i)));
        }

        Assert.True(peer.Unacknowledged >= 500);
        batch.Exit();

        await Eventually.TrueAsync(() => peer.Unacknowledged == 0, Bound, "every frame is acknowledged");
        Assert.Equal(1500, peer.Acknowledged);
        Assert.Equal(1500, Interlocked.Read(ref handled.Value));
        Assert.Equal(0, peer.FramesLost);
        Assert.Equal(0, peer.Redelivered);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_send_that_finds_the_window_full_waits_for_acknowledgements()
    {
        await using var sink = new FrameSink(acknowledge: true);
        await using var peer = new TcpPeer(Acknowledged(sink) with { MaxUnacknowledgedBytes = 80 }); // 10 frames of 4 bytes
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        sink.PauseAcknowledgements();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(i)));
        }

        var resumed = Task.Run(async () =>
        {
            await sink.WaitForFramesAsync(10, Bound);
            sink.ResumeAcknowledgements();
        });

        Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(10))); // waits until the acknowledgements make room
        await resumed;
        await sink.WaitForFramesAsync(11, Bound);
        await Eventually.TrueAsync(() => peer.Unacknowledged == 0, Bound, "everything is acknowledged");
        Assert.Equal(Enumerable.Range(0, 11), sink.Frames.Select(f => BitConverter.ToInt32(f.Frame)));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_window_never_acknowledged_fails_the_send_after_the_send_timeout_and_hands_the_frames_off()
    {
        await using var sink = new FrameSink(); // reads frames, never acknowledges
        var handedOff = new List<int>();
        await using var peer = new TcpPeer(Acknowledged(sink) with
        {
            MaxUnacknowledgedBytes = 80,
            SendTimeout = TimeSpan.FromMilliseconds(300),
            OnUnacknowledged = (_, frame) =>
            {
                lock (handedOff)
                {
                    handedOff.Add(BitConverter.ToInt32(frame));
                }

                return true;
            },
        });
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(i)));
        }

        var watch = Stopwatch.StartNew();
        Assert.Equal(SendResult.Failed, peer.Send(BitConverter.GetBytes(10)));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"failed after {watch.Elapsed}, before the send timeout");

        await Eventually.TrueAsync(() => peer.Redelivered == 10, Bound, "the ten frames are handed off");
        lock (handedOff)
        {
            Assert.Equal(Enumerable.Range(0, 10), handedOff); // in order, the failed eleventh not among them
        }

        Assert.Equal(0, peer.Unacknowledged);
        Assert.Equal(0, peer.FramesLost);
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer reconnects");
    }

    [Fact(Timeout = 20_000)]
    public async Task An_acknowledgement_of_more_than_was_sent_drops_the_connection()
    {
        await using var sink = new FrameSink(acknowledge: true);
        var handedOff = 0;
        await using var peer = new TcpPeer(Acknowledged(sink) with { OnUnacknowledged = (_, _) => Interlocked.Increment(ref handedOff) > 0 });
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        sink.PauseAcknowledgements();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(i)));
        }

        await sink.WaitForFramesAsync(3, Bound);
        var attempts = peer.ConnectAttempts;
        sink.ForgeAcknowledgement(4);

        await Eventually.TrueAsync(() => Volatile.Read(ref handedOff) == 3, Bound, "the connection is dropped and its three frames handed off");
        Assert.Equal(0, peer.Acknowledged);
        await Eventually.TrueAsync(() => peer.ConnectAttempts > attempts, Bound, "the peer reconnects");
    }

    [Fact(Timeout = 20_000)]
    public async Task Without_a_handler_unacknowledged_frames_are_resent_first_when_the_peer_reconnects()
    {
        var sink = new FrameSink(acknowledge: true);
        var port = sink.Port;
        await using var peer = new TcpPeer(Acknowledged(sink));
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(i)));
        }

        await Eventually.TrueAsync(() => peer.Unacknowledged == 0, Bound, "the first five are acknowledged");
        sink.PauseAcknowledgements();
        for (var i = 5; i < 105; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(i)));
        }

        await sink.WaitForFramesAsync(105, Bound);
        await sink.StopAsync(graceful: false); // a reset: handled, never acknowledged
        await Eventually.TrueAsync(() => peer.ConnectedCount == 0, Bound, "the peer notices");
        Assert.Equal(100, peer.Unacknowledged); // kept for the reconnect

        await using var again = new FrameSink(port: port, acknowledge: true);
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer reconnects");
        Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(105)));
        await again.WaitForFramesAsync(101, Bound);
        await Eventually.TrueAsync(() => peer.Unacknowledged == 0, Bound, "the resent frames are acknowledged");

        Assert.Equal(Enumerable.Range(5, 101), again.Frames.Select(f => BitConverter.ToInt32(f.Frame))); // resent first, in order
        Assert.Equal(100, peer.Redelivered);
        Assert.Equal(106, peer.Acknowledged);
        Assert.Equal(0, peer.FramesLost);
    }

    [Fact(Timeout = 20_000)]
    public async Task Frames_queued_in_a_pass_on_a_connection_that_fails_are_handed_off_not_lost()
    {
        var sink = new FrameSink(acknowledge: true);
        var handedOff = new List<int>();
        await using var peer = new TcpPeer(Acknowledged(sink) with
        {
            OnUnacknowledged = (_, frame) =>
            {
                lock (handedOff)
                {
                    handedOff.Add(BitConverter.ToInt32(frame));
                }

                return true;
            },
        });
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        using (var pass = new HeldPass())
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(SendResult.Sent, pass.Run(() => peer.Send(BitConverter.GetBytes(i))));
            }

            await sink.StopAsync(graceful: false); // the sink dies before the pass writes
            await Eventually.TrueAsync(() => peer.Redelivered == 3, Bound, "the queued frames are handed off");
            pass.End();
        }

        lock (handedOff)
        {
            Assert.Equal([0, 1, 2], handedOff);
        }

        Assert.Equal(0, peer.FramesLost);
        Assert.Equal(0, peer.Unacknowledged);
    }

    [Fact(Timeout = 20_000)]
    public async Task Dispose_waits_for_the_acknowledgements_of_what_was_sent()
    {
        await using var sink = new FrameSink(acknowledge: true);
        var peer = new TcpPeer(Acknowledged(sink));
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(BitConverter.GetBytes(i)));
        }

        await peer.DisposeAsync();

        Assert.Equal(500, peer.Acknowledged);
        Assert.Equal(0, peer.FramesLost);
        await sink.WaitForFramesAsync(500, Bound);
    }

    [Fact(Timeout = 30_000)]
    public async Task Acknowledged_sends_allocate_nothing_in_the_steady_state()
    {
        var handled = new StrongBox();
        await using var source = FramedTcpSource.Start(new Counting(handled), new FramedTcpSourceOptions { SendAcknowledgements = true });
        await using var peer = new TcpPeer(Acknowledged(source.EndPoint.Port) with { MaxUnacknowledgedBytes = 16 * 1024 }); // 240 frames: the window turns over
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        Span<byte> frame = stackalloc byte[64];
        frame.Fill(1);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(frame)); // warm up: JIT, tiering, the store at its high-water mark
        }

        var failures = 0;
        var acknowledgedBefore = peer.Acknowledged;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            failures += peer.Send(frame) == SendResult.Sent ? 0 : 1;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, failures);
        Assert.Equal(0, allocated);
        Assert.True(peer.Acknowledged - acknowledgedBefore >= 10_000 - 240, "acknowledgements flowed during the loop");
        await Eventually.TrueAsync(() => peer.Unacknowledged == 0, Bound, "everything is acknowledged");
        Assert.Equal(11_000, peer.Acknowledged);
    }

    internal static TcpPeerOptions Acknowledged(FrameSink sink) => sink.Options() with { RequireAcknowledgements = true };

    private static TcpPeerOptions Acknowledged(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        RequireAcknowledgements = true,
    };

    private sealed class StrongBox
    {
        public long Value;
    }

    /// <summary>Counts the frames it handles.</summary>
    private readonly struct Counting(StrongBox handled) : IFrameHandler
    {
        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context) => Interlocked.Increment(ref handled.Value);
    }
}
