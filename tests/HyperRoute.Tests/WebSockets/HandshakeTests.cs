using System.Threading.Tasks;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>The opening handshake (RFC 6455 §4.2): the 101 and its accept key, subprotocols, and the refusals.</summary>
public sealed class HandshakeTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Handshake_answers_101_with_the_accept_key_of_the_rfc_example(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Connect(server.EndPoint);
        var (status, headers) = client.Handshake("/ws/echo");
        Assert.Equal(101, status);
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", headers["Sec-WebSocket-Accept"]);
        Assert.Equal("websocket", headers["Upgrade"]);
        Assert.Equal("Upgrade", headers["Connection"]);
        Assert.False(headers.ContainsKey("Sec-WebSocket-Protocol"));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Server_selects_its_preferred_subprotocol_among_those_the_client_offers(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Connect(server.EndPoint);
        var (status, headers) = client.Handshake("/ws/echo", "Sec-WebSocket-Protocol: chat.v1, chat.v2");
        Assert.Equal(101, status);
        Assert.Equal("chat.v2", headers["Sec-WebSocket-Protocol"]);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Unsupported_version_is_answered_426_naming_version_13(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Connect(server.EndPoint);
        var (status, headers) = client.Handshake("/ws/echo", "Sec-WebSocket-Version: 8");
        Assert.Equal(426, status);
        Assert.Equal("13", headers["Sec-WebSocket-Version"]);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Plain_get_of_a_websocket_route_is_answered_426_upgrade_websocket(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Connect(server.EndPoint);
        var (status, headers) = client.Handshake("/ws/echo", "Upgrade:", "Connection:", "Sec-WebSocket-Key:", "Sec-WebSocket-Version:");
        Assert.Equal(426, status);
        Assert.Equal("websocket", headers["Upgrade"]);
    }

    [Theory]
    [InlineData("epoll", "Sec-WebSocket-Key: c2hvcnQ=")]
    [InlineData("sockets", "Sec-WebSocket-Key:")]
    [InlineData("epoll", "Connection: keep-alive")]
    public async Task Malformed_handshake_is_answered_400_and_the_connection_stays_http(string transport, string header)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Connect(server.EndPoint);
        var (status, _) = client.Handshake("/ws/echo", header);
        Assert.Equal(400, status);
        var (plain, _) = client.Handshake("/plain");
        Assert.Equal(200, plain); // still HTTP on the same connection
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Route_that_refuses_before_the_upgrade_answers_without_switching(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _);
        using var client = RawWebSocketClient.Connect(server.EndPoint);
        var (status, _) = client.Handshake("/ws/deny");
        Assert.Equal(403, status);
    }
}
