using System;
using System.Threading.Tasks;
using HyperRoute.Http.WebSockets;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>Keep-alive pings, the pong timeout, the server's own close, and graceful shutdown.</summary>
public sealed class KeepAliveAndShutdownTests
{
    private static readonly WebSocketOptions FastKeepAlive = new() { KeepAliveInterval = TimeSpan.FromSeconds(1), KeepAliveTimeout = TimeSpan.FromSeconds(1) };

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Silent_connection_gets_a_ping_and_stays_open_when_it_answers(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out _, FastKeepAlive);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        for (var i = 0; i < 2; i++)
        {
            var ping = client.ReadFrame();
            Assert.Equal(9, ping.Opcode);
            client.SendFrame(10, ping.Payload);
        }

        client.SendText("still here");
        var echo = client.ReadFrame();
        while (echo.Opcode == 9)
        {
            echo = client.ReadFrame();
        }

        Assert.Equal("still here", echo.Text);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Unanswered_ping_drops_the_connection_as_1006(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe, FastKeepAlive);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        Assert.Equal(9, client.ReadFrame().Opcode);
        Assert.Equal(WebSocketCloseCode.AbnormalClosure, probe.NextClose().Code);
        Assert.True(client.ReadsEndOfStream());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Server_close_sends_its_code_and_completes_when_the_client_answers(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        var connection = probe.NextOpened();
        connection.Close(WebSocketCloseCode.PolicyViolation, "go away");
        var close = client.ReadUntilClose();
        Assert.Equal((1008, "go away"), (close.CloseCode, System.Text.Encoding.UTF8.GetString(close.Payload, 2, close.Payload.Length - 2)));
        Assert.False(connection.IsOpen);
        Assert.False(connection.SendText("too late"));
        client.SendClose(1008);
        Assert.True(client.ReadsEndOfStream());
        Assert.Equal((WebSocketCloseCode.PolicyViolation, "go away"), probe.NextClose());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Graceful_shutdown_sends_1001_and_ends_when_the_client_answers(string transport)
    {
        var server = WebSocketServer.Start(transport, out var probe);
        using var client = RawWebSocketClient.Open(server.EndPoint);
        probe.NextOpened();
        var stopping = server.Server.StopAsync(TimeSpan.FromSeconds(10));
        var close = client.ReadUntilClose();
        Assert.Equal(1001, close.CloseCode);
        client.SendClose(1001);
        Assert.True(client.ReadsEndOfStream());
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(WebSocketCloseCode.GoingAway, probe.NextClose().Code);
        Assert.Equal(0, server.Server.ConnectionFaults);
    }
}
