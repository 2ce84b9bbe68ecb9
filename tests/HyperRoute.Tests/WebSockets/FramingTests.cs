using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http.WebSockets;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>Data frames, fragmentation, control frames and the close handshake, with raw frames over loopback.</summary>
public sealed class FramingTests
{
    [Theory]
    [InlineData("epoll", 0)]
    [InlineData("epoll", 125)]
    [InlineData("sockets", 126)]
    [InlineData("epoll", 65_535)]
    [InlineData("epoll", 65_536)]
    [InlineData("sockets", 300_000)]
    public async Task Binary_message_is_echoed_whole_with_the_server_frame_unmasked(string transport, int size)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        var payload = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        client.SendFrame(2, payload);
        var frame = client.ReadFrame();
        Assert.True(frame.Fin);
        Assert.False(frame.Masked);
        Assert.Equal(2, frame.Opcode);
        Assert.Equal(payload, frame.Payload);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Frame_split_into_single_bytes_is_reassembled(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        foreach (var b in RawWebSocketClient.Frame(1, "héllo"u8))
        {
            client.Send([b]);
        }

        Assert.Equal("héllo", client.ReadFrame().Text);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Fragmented_message_with_interleaved_pings_is_joined_and_each_ping_answered(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        client.SendFrame(1, "Hel"u8, fin: false);
        client.SendFrame(9, "p1"u8);
        client.SendFrame(0, "lo, "u8, fin: false);
        client.SendFrame(9, "p2"u8);
        client.SendFrame(0, "wörld"u8);
        var pong1 = client.ReadFrame();
        var pong2 = client.ReadFrame();
        var message = client.ReadFrame();
        Assert.Equal((10, "p1"), (pong1.Opcode, pong1.Text));
        Assert.Equal((10, "p2"), (pong2.Opcode, pong2.Text));
        Assert.Equal((1, "Hello, wörld"), (message.Opcode, message.Text));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Invalid_utf8_split_across_fragments_closes_with_1007(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        client.SendFrame(1, [0x61, 0xE2, 0x82], fin: false); // "a" and the start of €
        client.SendFrame(0, [0x28]);                          // not a continuation byte
        AssertClosedWith(client, 1007);
        Assert.Equal(WebSocketCloseCode.InvalidPayloadData, probe.NextClose().Code);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Valid_utf8_split_across_fragments_is_accepted(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        client.SendFrame(1, [0x61, 0xE2, 0x82], fin: false);
        client.SendFrame(0, [0xAC]);
        Assert.Equal("a€", client.ReadFrame().Text);
    }

    public static TheoryData<string, string> ProtocolErrors => new()
    {
        { "epoll", "unmasked" },
        { "sockets", "unmasked" },
        { "epoll", "reserved-bits" },
        { "sockets", "reserved-opcode" },
        { "epoll", "reserved-opcode" },
        { "epoll", "long-ping" },
        { "sockets", "fragmented-ping" },
        { "epoll", "orphan-continuation" },
        { "epoll", "new-message-inside-fragmented" },
        { "sockets", "one-byte-close" },
        { "epoll", "close-code-1005" },
        { "epoll", "close-code-999" },
    };

    [Theory]
    [MemberData(nameof(ProtocolErrors))]
    public async Task Protocol_violation_closes_with_1002(string transport, string violation)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        switch (violation)
        {
            case "unmasked": client.SendFrame(1, "hi"u8, masked: false); break;
            case "reserved-bits": client.SendFrame(1, "hi"u8, reserved: 4); break;
            case "reserved-opcode": client.SendFrame(3, "hi"u8); break;
            case "long-ping": client.SendFrame(9, new byte[126]); break;
            case "fragmented-ping": client.SendFrame(9, "hi"u8, fin: false); break;
            case "orphan-continuation": client.SendFrame(0, "hi"u8); break;
            case "new-message-inside-fragmented": client.SendFrame(1, "a"u8, fin: false); client.SendFrame(1, "b"u8); break;
            case "one-byte-close": client.SendFrame(8, [3]); break;
            case "close-code-1005": client.SendClose(1005); break;
            case "close-code-999": client.SendClose(999); break;
        }

        AssertClosedWith(client, 1002);
        Assert.Equal(WebSocketCloseCode.ProtocolError, probe.NextClose().Code);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Message_over_the_limit_closes_with_1009_whether_one_frame_or_fragments(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe, new WebSocketOptions { MaxMessageSize = 1000 });
        using (var single = RawWebSocketClient.Open(server.EndPoint))
        {
            single.SendFrame(2, new byte[1001]);
            AssertClosedWith(single, 1009);
        }

        using var fragmented = RawWebSocketClient.Open(server.EndPoint);
        fragmented.SendFrame(2, new byte[600], fin: false);
        fragmented.SendFrame(0, new byte[600]);
        AssertClosedWith(fragmented, 1009);
        Assert.Equal(WebSocketCloseCode.MessageTooBig, probe.NextClose().Code);
        Assert.Equal(WebSocketCloseCode.MessageTooBig, probe.NextClose().Code);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Client_close_is_echoed_with_its_code_then_the_server_closes_the_connection(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        client.SendClose(4000, "bye");
        AssertClosedWith(client, 4000);
        Assert.Equal(((WebSocketCloseCode)4000, "bye"), probe.NextClose());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Handler_that_throws_closes_with_1011_and_is_reported(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        client.SendText("throw");
        AssertClosedWith(client, 1011);
        Assert.Equal(WebSocketCloseCode.InternalServerError, probe.NextClose().Code);
        Assert.Single(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Client_that_vanishes_without_a_close_is_reported_as_1006(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        var client = RawWebSocketClient.Open(server.EndPoint);
        probe.NextOpened();
        client.Vanish();
        Assert.Equal(WebSocketCloseCode.AbnormalClosure, probe.NextClose().Code);
        await WaitFor(() => server.Server.ConnectionsOpen == 0);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Frames_that_arrive_with_the_handshake_are_served(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Connect(server.EndPoint);
        var head = Encoding.ASCII.GetBytes($"GET /ws/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {RawWebSocketClient.SampleKey}\r\nSec-WebSocket-Version: 13\r\n\r\n");
        client.Send([.. head, .. RawWebSocketClient.Frame(1, "early"u8)]);
        var (status, _) = client.ReadResponseHead();
        Assert.Equal(101, status);
        Assert.Equal("early", client.ReadFrame().Text);
    }

    internal static void AssertClosedWith(RawWebSocketClient client, int code)
    {
        var close = client.ReadUntilClose();
        Assert.Equal(code, close.CloseCode);
        Assert.True(client.ReadsEndOfStream(), "The server did not close the TCP connection after the close frame.");
    }

    internal static async Task WaitFor(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }
}
