using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging.Destinations;
using Xunit;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>What a <see cref="UdpPeer"/> sends: one datagram per frame.</summary>
public sealed class UdpPeerTests
{
    [Fact(Timeout = 15_000)]
    public async Task Each_frame_arrives_as_one_datagram()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var peer = new UdpPeer("127.0.0.1", ((IPEndPoint)receiver.LocalEndPoint!).Port);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(SendResult.Sent, peer.Send(TcpPeerTests.Frame(i)));
        }

        var buffer = new byte[UdpPeer.MaxDatagramSize];
        for (var i = 0; i < 20; i++)
        {
            var count = await receiver.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(TcpPeerTests.Frame(i), buffer.AsSpan(0, count).ToArray()); // loopback keeps them whole and in order
        }
    }

    [Fact]
    public void A_frame_larger_than_a_datagram_is_refused_and_a_disposed_peer_sends_nothing()
    {
        var peer = new UdpPeer("127.0.0.1", 9);
        Assert.Equal(SendResult.FrameTooLarge, peer.Send(new byte[UdpPeer.MaxDatagramSize + 1]));
        peer.Dispose();
        Assert.Equal(SendResult.Disposed, peer.Send([1, 2, 3]));
    }
}
