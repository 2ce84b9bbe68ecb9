using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>The UDP source over loopback: one datagram, one frame; oversize datagrams dropped and counted.</summary>
public sealed class UdpSourceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_datagram_is_delivered_as_one_frame()
    {
        var log = new FrameLog();
        await using var source = UdpSource.Start(new RecordingHandler(log));
        using var client = Client(source);
        var expected = Enumerable.Range(0, 20).Select(i => $"datagram {i}").Append("").ToArray();

        foreach (var text in expected)
        {
            client.Send(Frames.Text(text)); // loopback, one sender, small volume: nothing is lost or reordered
        }

        await Frames.WaitUntil(() => log.Count == expected.Length);
        Assert.Equal(expected, log.Texts);
        Assert.Equal(Enumerable.Range(0, expected.Length).Select(i => (long)i), log.Frames.Select(f => f.Sequence));
        Assert.Equal(expected.Length, source.FramesReceived);
        Assert.Equal(expected.Sum(e => e.Length), source.BytesReceived);
        Assert.Equal(0, source.DatagramsRejected);
    }

    [Fact]
    public async Task A_datagram_over_the_maximum_is_dropped_and_counted_and_the_next_is_delivered()
    {
        var log = new FrameLog();
        await using var source = UdpSource.Start(new RecordingHandler(log), new UdpSourceOptions { MaxDatagramSize = 100 });
        using var client = Client(source);

        client.Send(new byte[100]);
        client.Send(new byte[101]);
        client.Send(new byte[5000]);
        client.Send(Frames.Text("after"));

        await Frames.WaitUntil(() => log.Count == 2 && source.DatagramsRejected == 2);
        Assert.Equal(100, log.Frames[0].Bytes.Length);
        Assert.Equal("after", log.Frames[1].Text);
        Assert.Equal(2, source.FramesReceived);
    }

    [Fact]
    public async Task The_sender_address_comes_with_each_datagram()
    {
        var senders = new ConcurrentQueue<int>();
        await using var source = UdpSource.Start(new SenderHandler(senders));
        using var client = Client(source);

        client.Send(Frames.Text("hi"));

        await Frames.WaitUntil(() => !senders.IsEmpty);
        Assert.Equal(((System.Net.IPEndPoint)client.LocalEndPoint!).Port, Assert.Single(senders));
    }

    [Fact]
    public async Task A_handler_exception_is_counted_and_reported_and_the_next_datagram_is_delivered()
    {
        var log = new FrameLog { ThrowOn = "boom" };
        var reported = new ConcurrentQueue<Exception>();
        await using var source = UdpSource.Start(new RecordingHandler(log), new UdpSourceOptions { OnHandlerError = reported.Enqueue });
        using var client = Client(source);

        client.Send(Frames.Text("boom"));
        client.Send(Frames.Text("after"));

        await Frames.WaitUntil(() => log.Count == 1);
        Assert.Equal(["after"], log.Texts);
        Assert.Equal(1, source.HandlerErrors);
        Assert.Single(reported);
    }

    [Fact]
    public async Task Stop_completes_promptly()
    {
        var source = UdpSource.Start(new RecordingHandler(new FrameLog()));
        var clock = Stopwatch.StartNew();

        await source.StopAsync().WaitAsync(Bound);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        await source.StopAsync().WaitAsync(Bound); // idempotent
    }

    private static Socket Client<T>(UdpSource<T> source)
        where T : struct, IFrameHandler
    {
        var socket = new Socket(source.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(source.EndPoint);
        return socket;
    }

    private readonly struct SenderHandler(ConcurrentQueue<int> senders) : IFrameHandler
    {
        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context) =>
            senders.Enqueue(((System.Net.IPEndPoint)new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0).Create(context.RemoteAddress!)).Port);
    }
}
