using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using Xunit;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>What a <see cref="TcpPeer"/> puts on the wire, over its pool, and how it closes.</summary>
public sealed class TcpPeerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 15_000)]
    public async Task Frames_arrive_intact_and_in_order()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(Frame(i)));
        }

        await sink.WaitForFramesAsync(1000, Bound);
        var frames = sink.Frames;
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(Frame(i), frames[i].Frame);
        }
    }

    [Theory(Timeout = 15_000)]
    [InlineData(4, Endian.Big, new byte[] { 0, 0, 0, 3 })]
    [InlineData(4, Endian.Little, new byte[] { 3, 0, 0, 0 })]
    [InlineData(2, Endian.Big, new byte[] { 0, 3 })]
    [InlineData(2, Endian.Little, new byte[] { 3, 0 })]
    public async Task The_prefix_is_the_frame_length_in_the_configured_size_and_byte_order(int prefix, Endian endian, byte[] expectedPrefix)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var peer = new TcpPeer(new TcpPeerOptions { Host = "127.0.0.1", Port = port, Format = new FrameFormat { PrefixSize = prefix, Endian = endian } });
        using var accepted = await listener.AcceptSocketAsync().WaitAsync(Bound);
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        Assert.Equal(SendResult.Sent, peer.Send("abc"u8));

        var expected = new byte[expectedPrefix.Length + 3];
        expectedPrefix.CopyTo(expected, 0);
        "abc"u8.CopyTo(expected.AsSpan(expectedPrefix.Length));
        var received = new byte[expected.Length];
        var read = 0;
        while (read < received.Length)
        {
            read += await accepted.ReceiveAsync(received.AsMemory(read), SocketFlags.None).AsTask().WaitAsync(Bound);
        }

        Assert.Equal(expected, received);
    }

    [Theory(Timeout = 15_000)]
    [InlineData(2, Endian.Little)]
    [InlineData(4, Endian.Little)]
    [InlineData(2, Endian.Big)]
    public async Task A_sink_reading_the_same_prefix_gets_every_frame_back(int prefix, Endian endian)
    {
        await using var sink = new FrameSink(prefix, endian);
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        var large = new byte[ushort.MaxValue]; // the largest frame a 2-byte prefix states; grows the buffer once
        large.AsSpan().Fill(7);
        Assert.Equal(SendResult.Sent, peer.Send(Frame(1)));
        Assert.Equal(SendResult.Sent, peer.Send(large));
        Assert.Equal(SendResult.Sent, peer.Send(ReadOnlySpan<byte>.Empty));
        Assert.Equal(SendResult.Sent, peer.Send(Frame(2)));

        await sink.WaitForFramesAsync(4, Bound);
        var frames = sink.Frames;
        Assert.Equal(Frame(1), frames[0].Frame);
        Assert.Equal(large, frames[1].Frame);
        Assert.Empty(frames[2].Frame);
        Assert.Equal(Frame(2), frames[3].Frame);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_frame_longer_than_a_two_byte_prefix_states_is_refused_without_sending()
    {
        await using var sink = new FrameSink(2);
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        Assert.Equal(SendResult.FrameTooLarge, peer.Send(new byte[ushort.MaxValue + 1]));
        Assert.Equal(SendResult.Sent, peer.Send(Frame(9)));

        await sink.WaitForFramesAsync(1, Bound);
        Assert.Equal(Frame(9), Assert.Single(sink.Frames).Frame);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_pool_of_two_connections_takes_turns_and_keeps_each_connections_order()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options(poolSize: 2));
        await Eventually.TrueAsync(() => peer.ConnectedCount == 2, Bound, "both connections are up");

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(Frame(i)));
        }

        await sink.WaitForFramesAsync(100, Bound);
        Assert.Equal(2, sink.Connections);
        var frames = sink.Frames;
        foreach (var connection in new[] { 1, 2 })
        {
            var last = -1;
            var count = 0;
            foreach (var (on, frame) in frames)
            {
                if (on != connection)
                {
                    continue;
                }

                var number = BitConverter.ToInt32(frame);
                Assert.True(number > last, $"connection {connection}: frame {number} after {last}");
                last = number;
                count++;
            }

            Assert.Equal(50, count); // single-threaded, both free: strictly in turn
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task Dispose_delivers_what_was_sent_closes_the_connection_and_refuses_later_sends()
    {
        await using var sink = new FrameSink();
        var peer = new TcpPeer(sink.Options(poolSize: 2));
        await Eventually.TrueAsync(() => peer.ConnectedCount == 2, Bound, "both connections are up");
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(Frame(i)));
        }

        await peer.DisposeAsync();

        Assert.Equal(0, peer.ConnectedCount);
        Assert.Equal(SendResult.Disposed, peer.Send(Frame(0)));
        await sink.StopAsync(graceful: true); // returns once the sink read to the end of both connections
        Assert.Equal(500, sink.FrameCount);
    }

    [Fact(Timeout = 15_000)]
    public async Task Sends_before_the_first_connect_fail_fast_as_disconnected()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port; // nothing listens here once the probe stops
        }

        await using var peer = new TcpPeer(new TcpPeerOptions { Host = "127.0.0.1", Port = port });
        Assert.Equal(SendResult.Disconnected, peer.Send(Frame(1)));
    }

    internal static byte[] Frame(int number)
    {
        var frame = new byte[4 + (number % 50)];
        BitConverter.TryWriteBytes(frame, number);
        for (var i = 4; i < frame.Length; i++)
        {
            frame[i] = (byte)(number + i);
        }

        return frame;
    }
}
