using System.Buffers;
using System.Net.WebSockets;

// The same routes as HyperRouteWsServer, written the way ASP.NET Core's docs write them: UseWebSockets, an
// AcceptWebSocketAsync per request and a receive loop per connection. Usage: KestrelWsPeer <port>
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(options => options.ListenLocalhost(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture)));
var app = builder.Build();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
var members = new System.Collections.Concurrent.ConcurrentDictionary<WebSocket, byte>();

app.MapGet("/plaintext", () => "ok");
app.Map("/ws/echo", async context =>
{
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    try
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
        }
    }
    catch (WebSocketException)
    {
    }
    finally
    {
        ArrayPool<byte>.Shared.Return(buffer);
    }
});
app.Map("/ws/hub", async context =>
{
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    members[socket] = 0;
    var buffer = new byte[4096];
    try
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            var text = buffer.AsMemory(0, result.Count);
            if (text.Span.StartsWith("broadcast:"u8))
            {
                var payload = text.Slice(10).ToArray();
                await Task.WhenAll(members.Keys.Select(async member =>
                {
                    try
                    {
                        await member.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                    catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
                    {
                    }
                }));
            }
        }
    }
    catch (WebSocketException)
    {
    }
    finally
    {
        members.TryRemove(socket, out _);
    }
});
app.Run();
