using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.WebSockets;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>Sending from other threads, broadcasting through a hub, and the slow-receiver policies.</summary>
public sealed class SendingTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Sends_from_many_threads_arrive_as_whole_frames_in_each_threads_order(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        var connection = probe.NextOpened();
        const int Threads = 4, PerThread = 500;
        var senders = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                Assert.True(connection.SendText($"{t}:{i}:" + new string('x', (i * 37) % 3000)));
            }
        })).ToArray();
        var next = new int[Threads];
        for (var n = 0; n < Threads * PerThread; n++)
        {
            var frame = client.ReadFrame();
            Assert.True(frame.Fin);
            var parts = frame.Text.Split(':');
            var thread = int.Parse(parts[0]);
            Assert.Equal(next[thread]++, int.Parse(parts[1]));
            Assert.Equal((next[thread] - 1) * 37 % 3000, parts[2].Length);
        }

        await Task.WhenAll(senders);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Hub_broadcast_reaches_every_member_and_forgets_closed_ones(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        var clients = Enumerable.Range(0, 5).Select(_ => RawWebSocketClient.Open(server.EndPoint, "/ws/hub")).ToArray();
        for (var i = 0; i < clients.Length; i++)
        {
            probe.NextOpened();
        }

        Assert.Equal(5, probe.Hub.Count);
        clients[0].SendText("hello all");
        foreach (var client in clients)
        {
            Assert.Equal("hello all", client.ReadFrame().Text);
        }

        clients[4].SendClose(1000);
        FramingTests.AssertClosedWith(clients[4], 1000);
        probe.NextClose();
        Assert.Equal(4, probe.Hub.Count);
        Assert.Equal(4, probe.Hub.Broadcast(WebSocketMessageType.Binary, [1, 2, 3]));
        foreach (var client in clients.Take(4))
        {
            Assert.Equal(new byte[] { 1, 2, 3 }, client.ReadFrame().Payload);
            client.Dispose();
        }
    }

    // The epoll worker runs a woken connection even while its socket is full, so the drop happens at once. The sockets
    // transport runs it only once its pending send completes, which a client that never reads never lets happen (until
    // the send timeout): docs/websocket.md says so, and this test stays on the transport that keeps the promise.
    [Theory]
    [InlineData("epoll")]
    public async Task Slow_receiver_is_dropped_once_its_queue_is_full(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe, new WebSocketOptions { MaxQueuedBytes = 256 * 1024 });
        using var client = RawWebSocketClient.Open(server.EndPoint); // never reads
        var connection = probe.NextOpened();
        var chunk = new byte[64 * 1024];
        var sent = 0;
        while (connection.SendBinary(chunk))
        {
            Assert.True(++sent < 10_000, "The queue never filled.");
        }

        Assert.Equal(WebSocketCloseCode.PolicyViolation, probe.NextClose().Code);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Slow_receiver_with_drop_messages_loses_messages_but_keeps_the_connection(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe, new WebSocketOptions { MaxQueuedBytes = 256 * 1024, SlowReceiver = SlowReceiverPolicy.DropMessages });
        using var client = RawWebSocketClient.Open(server.EndPoint);
        var connection = probe.NextOpened();
        var chunk = new byte[64 * 1024];
        var refused = 0;
        for (var i = 0; i < 2_000 && refused < 10; i++)
        {
            if (!connection.SendBinary(chunk))
            {
                refused++;
            }
        }

        Assert.Equal(10, refused);
        Assert.True(connection.IsOpen);
        client.SendText("after");
        // Everything the queue took arrives, then the echo of "after".
        RawFrame frame;
        do
        {
            frame = client.ReadFrame();
        }
        while (frame.Opcode == 2);
        Assert.Equal("after", frame.Text);
    }
}
