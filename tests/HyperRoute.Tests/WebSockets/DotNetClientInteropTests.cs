using System;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.WebSockets;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>.NET's own <see cref="ClientWebSocket"/> against the server: a client nobody here wrote.</summary>
public sealed class DotNetClientInteropTests
{
    /// <summary>Sizes from 0 B to 1 MB, mixed: most small, some around the length-encoding edges, a few large.</summary>
    internal static int SizeOf(int i) => (i % 10) switch
    {
        0 => 0,
        1 => 125,
        2 => 126,
        3 => 65_535,
        4 => 65_536,
        5 => i % 100 == 5 ? 1_000_000 : 300_000,
        _ => (i * 7919) % 4096,
    };

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task ClientWebSocket_echoes_1000_messages_of_mixed_sizes_and_closes_cleanly(string transport)
    {
        await using var server = WebSocketServer.Start(transport, out var probe);
        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("chat.v1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await client.ConnectAsync(new Uri($"ws://{server.EndPoint}/ws/echo"), timeout.Token);
        Assert.Equal("chat.v1", client.SubProtocol);
        var receive = new byte[1_100_000];
        for (var i = 0; i < 1000; i++)
        {
            var message = RandomNumberGenerator.GetBytes(SizeOf(i));
            var type = i % 2 == 0 ? System.Net.WebSockets.WebSocketMessageType.Binary : System.Net.WebSockets.WebSocketMessageType.Text;
            if (type == System.Net.WebSockets.WebSocketMessageType.Text)
            {
                Array.Fill(message, (byte)'a');
            }

            await client.SendAsync(message, type, true, timeout.Token);
            var total = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await client.ReceiveAsync(receive.AsMemory(total), timeout.Token);
                total += result.Count;
            }
            while (!result.EndOfMessage);
            Assert.Equal(type, result.MessageType);
            Assert.True(message.AsSpan().SequenceEqual(receive.AsSpan(0, total)), $"message {i} ({message.Length} B) came back different");
        }

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        Assert.Equal(WebSocketState.Closed, client.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Equal((WebSocketCloseCode.NormalClosure, "done"), probe.NextClose());
    }
}
