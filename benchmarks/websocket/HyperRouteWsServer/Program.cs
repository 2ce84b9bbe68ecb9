using System;
using System.Runtime.InteropServices;
using System.Threading;
using HyperRoute;
using HyperRoute.Http;
using HyperRoute.Http.WebSockets;
using HyperRoute.Routing;

// GET /plaintext (readiness), GET /ws/echo (echo), GET /ws/hub (joins the hub; a text "broadcast:<payload>" from any
// member goes to every member). Usage: HyperRouteWsServer <port> [workers]
var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var workers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount;
await using var server = HttpServer.Start(new BenchEndpoint(), new HttpServerOptions { Port = port, Workers = workers, Backlog = 4096 });
Console.WriteLine($"HyperRoute WebSocket bench server on {server.EndPoint} ({server.Transport}, {workers} workers)");
// Until the script stops it (SIGTERM) or Ctrl+C: then the server closes its WebSockets (1001) and stops.
var stop = new ManualResetEventSlim();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Set(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
stop.Wait();

internal sealed class Echo : WebSocketHandler
{
    public static readonly Echo Instance = new();

    public override void OnMessage(WebSocketConnection connection, WebSocketMessageType type, ReadOnlySpan<byte> payload)
        => connection.Send(type, payload);
}

internal sealed class Hub : WebSocketHandler
{
    public static readonly Hub Instance = new();
    public static readonly WebSocketHub Members = new();

    public override void OnOpen(WebSocketConnection connection) => Members.Add(connection);

    public override void OnMessage(WebSocketConnection connection, WebSocketMessageType type, ReadOnlySpan<byte> payload)
    {
        if (payload.StartsWith("broadcast:"u8))
        {
            Members.Broadcast(type, payload.Slice(10));
        }
    }
}

internal readonly struct BenchEndpoint : IHttpEndpoint
{
    private static readonly WebSocketOptions Options = new() { KeepAliveInterval = Timeout.InfiniteTimeSpan };

    public static int HeaderSlotCount => 0;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

    public RouteMatch Serve(HttpExchange exchange)
    {
        var path = exchange.Request.Path;
        if (path.SequenceEqual("/ws/echo"u8))
        {
            exchange.AcceptWebSocket(Echo.Instance, Options);
            return RouteMatch.Handled(0);
        }

        if (path.SequenceEqual("/ws/hub"u8))
        {
            exchange.AcceptWebSocket(Hub.Instance, Options);
            return RouteMatch.Handled(1);
        }

        exchange.Response.Text("ok"u8);
        return RouteMatch.Handled(2);
    }
}
