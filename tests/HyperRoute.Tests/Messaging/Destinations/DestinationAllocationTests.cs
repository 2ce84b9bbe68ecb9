using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging.Destinations;
using Xunit;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>Steady-state sends allocate nothing: measured on the sending thread around 10,000 sends to a loopback sink.</summary>
public sealed class DestinationAllocationTests
{
    private const int Sends = 10_000;

    [Fact(Timeout = 30_000)]
    public async Task Tcp_sends_allocate_nothing_in_the_steady_state()
    {
        await using var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options(poolSize: 2));
        await Eventually.TrueAsync(() => peer.ConnectedCount == 2, TimeSpan.FromSeconds(5), "both connections are up");

        var allocated = MeasureTcp(peer);

        Assert.Equal(0, allocated);
        await sink.WaitForFramesAsync(100 + Sends, TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 30_000)]
    public async Task Udp_sends_allocate_nothing_in_the_steady_state()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var peer = new UdpPeer("127.0.0.1", ((IPEndPoint)receiver.LocalEndPoint!).Port);
        await Task.Yield();

        Span<byte> frame = stackalloc byte[64];
        frame.Fill(1);
        for (var i = 0; i < 100; i++)
        {
            peer.Send(frame); // warm up
        }

        var failures = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Sends; i++)
        {
            failures += peer.Send(frame) == SendResult.Sent ? 0 : 1;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, failures);
    }

    private static long MeasureTcp(TcpPeer peer)
    {
        Span<byte> frame = stackalloc byte[64];
        frame.Fill(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(frame)); // warm up: JIT, tiering
        }

        var failures = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Sends; i++)
        {
            failures += peer.Send(frame) == SendResult.Sent ? 0 : 1;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, failures);
        return allocated;
    }
}
