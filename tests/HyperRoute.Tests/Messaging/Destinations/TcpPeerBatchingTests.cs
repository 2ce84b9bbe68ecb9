using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>
/// <see cref="TcpPeerOptions.BatchWithinReceive"/>: what a handler sends while a source delivers the frames of one
/// receive is queued per connection and written once when the pass ends, in order; sends outside a pass are written
/// at once; frames queued on a connection that fails before the write are counted as lost.
/// </summary>
public sealed class TcpPeerBatchingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 20_000)]
    public async Task Forwards_made_while_a_source_delivers_one_receive_are_written_together_and_arrive_in_order()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        await using var source = FramedTcpSource.Start(new Relay(peer), new FramedTcpSourceOptions { Port = 0 });

        await SendAsync(source.EndPoint, Enumerable.Range(0, 1000).Select(TcpPeerTests.Frame).ToArray());
        await sink.WaitForFramesAsync(1000, Bound);

        Assert.Equal(Enumerable.Range(0, 1000).Select(TcpPeerTests.Frame), sink.Frames.Select(f => f.Frame));
        Assert.InRange(peer.Writes, 1, 100); // about one per receive of the 31 KB the client wrote at once, not one per frame
        Assert.Equal(0, peer.FramesLost);
    }

    [Fact(Timeout = 20_000)]
    public async Task With_batching_off_every_forward_is_a_write_of_its_own()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options() with { BatchWithinReceive = false });
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        await using var source = FramedTcpSource.Start(new Relay(peer), new FramedTcpSourceOptions { Port = 0 });

        await SendAsync(source.EndPoint, Enumerable.Range(0, 200).Select(TcpPeerTests.Frame).ToArray());
        await sink.WaitForFramesAsync(200, Bound);

        Assert.Equal(Enumerable.Range(0, 200).Select(TcpPeerTests.Frame), sink.Frames.Select(f => f.Frame));
        Assert.Equal(200, peer.Writes);
    }

    [Fact(Timeout = 20_000)]
    public async Task Sends_outside_a_receive_pass_are_written_at_once()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(TcpPeerTests.Frame(i)));
            Assert.Equal(i + 1, peer.Writes);
        }

        await sink.WaitForFramesAsync(10, Bound);
    }

    [Fact(Timeout = 20_000)]
    public async Task Frames_queued_in_a_pass_wait_for_its_end_and_a_send_outside_a_pass_writes_them_first()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        using var pass = new HeldPass();
        Assert.Equal(SendResult.Sent, pass.Run(() => peer.Send(TcpPeerTests.Frame(1))));
        Assert.Equal(SendResult.Sent, pass.Run(() => peer.Send(TcpPeerTests.Frame(2))));
        Assert.Equal(0, peer.Writes); // queued, not written

        // Another thread, outside any pass: its frame goes out now, after the two queued before it, in one write.
        Assert.Equal(SendResult.Sent, await Task.Run(() => peer.Send(TcpPeerTests.Frame(3))));
        Assert.Equal(1, peer.Writes);
        pass.End(); // nothing is left for the pass to write
        Assert.Equal(1, peer.Writes);

        await sink.WaitForFramesAsync(3, Bound);
        Assert.Equal([TcpPeerTests.Frame(1), TcpPeerTests.Frame(2), TcpPeerTests.Frame(3)], sink.Frames.Select(f => f.Frame));
    }

    [Fact(Timeout = 20_000)]
    public async Task Frames_queued_on_a_connection_that_fails_before_the_pass_ends_are_counted_as_lost()
    {
        var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        using (var pass = new HeldPass())
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(SendResult.Sent, pass.Run(() => peer.Send(TcpPeerTests.Frame(i))));
            }

            await sink.StopAsync(graceful: false); // the sink dies before the pass writes
            await Eventually.TrueAsync(() => peer.ConnectedCount == 0, Bound, "the peer notices");
            pass.End();
        }

        Assert.Equal(3, peer.FramesLost);
        Assert.Equal(0, peer.Writes);
        Assert.Equal(SendResult.Disconnected, peer.Send(TcpPeerTests.Frame(4)));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_graceful_dispose_writes_what_a_pass_queued()
    {
        await using var sink = new FrameSink();
        var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        using var pass = new HeldPass();
        Assert.Equal(SendResult.Sent, pass.Run(() => peer.Send(TcpPeerTests.Frame(7))));
        await peer.DisposeAsync(); // the pass has not ended: dispose writes what it queued before closing
        pass.End();

        await sink.WaitForFramesAsync(1, Bound);
        Assert.Equal(0, peer.FramesLost);
    }

    [Fact(Timeout = 60_000)]
    public async Task Disposing_a_peer_inside_a_pass_still_writes_what_the_pass_queued_every_time()
    {
        // Dispose wakes the connection's watcher, which drops the connection too: whichever drop wins must close
        // gracefully. A version where the watcher's drop discarded the queue lost the frame in about 1 run in 100 of
        // a reviewer's loop (not reproduced by this test in 180 runs against that version: the race is narrow).
        await using var sink = new FrameSink();
        for (var run = 0; run < 60; run++)
        {
            var peer = new TcpPeer(sink.Options());
            await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
            using (var pass = new HeldPass())
            {
                var number = run;
                Assert.Equal(SendResult.Sent, pass.Run(() => peer.Send(TcpPeerTests.Frame(number))));
                pass.Run(() => peer.DisposeAsync().AsTask().Wait(Bound)); // disposed inside the pass, as a handler could
                pass.End();
            }

            Assert.Equal(0, peer.FramesLost);
            await sink.WaitForFramesAsync(run + 1, Bound);
        }
    }

    [Fact(Timeout = 20_000)]
    public async Task Queuing_and_writing_a_pass_allocates_nothing()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        var frame = new byte[32];
        Pass(peer, frame, 3_000); // grows the queue to its high-water mark once; the thread's batch is made once

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var pass = 0; pass < 20; pass++)
        {
            Pass(peer, frame, 3_000); // 102 KB a pass: over the 64 KB queue limit, so a write happens mid-pass too
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        await sink.WaitForFramesAsync(63_000, Bound);
        Assert.Equal(0, peer.FramesLost);

        static void Pass(TcpPeer peer, byte[] frame, int frames)
        {
            var batch = SendBatch.Enter();
            for (var i = 0; i < frames; i++)
            {
                peer.Send(frame);
            }

            batch.Exit();
        }
    }

    private static async Task SendAsync(IPEndPoint endPoint, byte[][] frames)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(endPoint);
        await client.SendAsync(Frames.Encode(default, frames)); // one write: the source reads many frames per receive
        client.Shutdown(SocketShutdown.Send);
        await client.ReceiveAsync(new byte[1]); // the source closes after the last frame
    }

    /// <summary>A handler that forwards every frame to a peer.</summary>
    private readonly struct Relay(TcpPeer peer) : IFrameHandler
    {
        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context) => peer.Send(frame);
    }
}
