using System;
using System.IO;
using System.Threading.Tasks;
using HyperRoute.Http.WebSockets;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>
/// Python's <c>websockets</c> and Node's <c>ws</c> against the server: each echoes 1,000 messages of mixed sizes
/// (0 B to 1 MB, text and binary) and closes cleanly (tests/interop/ws_echo.py, ws_echo.mjs).
/// </summary>
public sealed class ClientInteropTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Python_websockets_echoes_1000_messages_of_mixed_sizes_and_closes_cleanly(string transport)
    {
        InteropClients.RequirePythonWebsockets();
        await using var server = WebSocketServer.Start(transport, out var probe);
        var (code, output, error) = await InteropClients.RunAsync(InteropClients.DebianPython, [Path.Combine(InteropClients.Folder, "ws_echo.py"), $"ws://{server.EndPoint}/ws/echo"], TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"ws_echo.py failed ({code}): {output}{error}");
        Assert.Equal("ok 1000", output.Trim());
        Assert.Equal((WebSocketCloseCode.NormalClosure, "done"), probe.NextClose());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Node_ws_echoes_1000_messages_of_mixed_sizes_and_closes_cleanly(string transport)
    {
        InteropClients.RequireNodeWs();
        await using var server = WebSocketServer.Start(transport, out var probe);
        var (code, output, error) = await InteropClients.RunAsync("node", [Path.Combine(InteropClients.Folder, "ws_echo.mjs"), $"ws://{server.EndPoint}/ws/echo"], TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"ws_echo.mjs failed ({code}): {output}{error}");
        Assert.Equal("ok 1000", output.Trim());
        Assert.Equal((WebSocketCloseCode.NormalClosure, "done"), probe.NextClose());
    }
}
