using System;
using System.Collections.Concurrent;
using System.Threading;
using HyperRoute.Http;
using HyperRoute.Http.WebSockets;
using HyperRoute.Routing;

namespace HyperRoute.Tests.WebSockets;

/// <summary>
/// What the WebSocket tests observe on the server side: the connections accepted, the close each handler saw,
/// faults in handlers, and a hub.
/// </summary>
public sealed class WebSocketProbe
{
    public ConcurrentQueue<(WebSocketCloseCode Code, string Reason)> Closes { get; } = new();

    public ConcurrentQueue<WebSocketConnection> Opened { get; } = new();

    public WebSocketHub Hub { get; } = new();

    public SemaphoreSlim ClosedSignal { get; } = new(0);

    public SemaphoreSlim OpenedSignal { get; } = new(0);

    /// <summary>Set by a test to observe each message on the worker (the allocation test).</summary>
    public Action? OnEachMessage { get; set; }

    /// <summary>Waits for the next close a handler saw.</summary>
    public (WebSocketCloseCode Code, string Reason) NextClose()
    {
        if (!ClosedSignal.Wait(TimeSpan.FromSeconds(10)) || !Closes.TryDequeue(out var close))
        {
            throw new TimeoutException("No WebSocket handler saw its connection close within 10 s.");
        }

        return close;
    }

    public WebSocketConnection NextOpened()
    {
        if (!OpenedSignal.Wait(TimeSpan.FromSeconds(10)) || !Opened.TryDequeue(out var connection))
        {
            throw new TimeoutException("No WebSocket connection opened within 10 s.");
        }

        return connection;
    }
}

/// <summary>Echoes every message back as it came; records opens and closes in the probe.</summary>
public sealed class EchoHandler(WebSocketProbe probe) : WebSocketHandler
{
    public override void OnOpen(WebSocketConnection connection)
    {
        probe.Opened.Enqueue(connection);
        probe.OpenedSignal.Release();
    }

    public override void OnMessage(WebSocketConnection connection, WebSocketMessageType type, ReadOnlySpan<byte> payload)
    {
        probe.OnEachMessage?.Invoke();
        if (payload.SequenceEqual("throw"u8))
        {
            throw new InvalidOperationException("The handler was told to throw.");
        }

        connection.Send(type, payload);
    }

    public override void OnClose(WebSocketConnection connection, WebSocketCloseCode code, string reason)
    {
        probe.Closes.Enqueue((code, reason));
        probe.ClosedSignal.Release();
    }
}

/// <summary>Joins the probe's hub and broadcasts every text message it receives to all members.</summary>
public sealed class HubHandler(WebSocketProbe probe) : WebSocketHandler
{
    public override void OnOpen(WebSocketConnection connection)
    {
        probe.Hub.Add(connection);
        probe.Opened.Enqueue(connection);
        probe.OpenedSignal.Release();
    }

    public override void OnMessage(WebSocketConnection connection, WebSocketMessageType type, ReadOnlySpan<byte> payload)
        => probe.Hub.Broadcast(type, payload);

    public override void OnClose(WebSocketConnection connection, WebSocketCloseCode code, string reason)
    {
        probe.Closes.Enqueue((code, reason));
        probe.ClosedSignal.Release();
    }
}

/// <summary>
/// A hand-written endpoint for the WebSocket tests:
/// <code>
/// GET /ws/echo  → WebSocket, echo (subprotocols "chat.v2", "chat.v1")
/// GET /ws/hub   → WebSocket, every message broadcast to all members of the probe's hub
/// GET /ws/deny  → 403 before any upgrade (what a validator does)
/// GET /plain    → 200 "plain"
/// </code>
/// </summary>
public readonly struct WebSocketTestEndpoint(WebSocketProbe probe, WebSocketOptions options) : IHttpEndpoint
{
    public static int HeaderSlotCount => 0;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

    public RouteMatch Serve(HttpExchange exchange)
    {
        var path = exchange.Request.Path;
        if (path.SequenceEqual("/ws/echo"u8))
        {
            exchange.AcceptWebSocket(new EchoHandler(probe), options);
            return RouteMatch.Handled(0);
        }

        if (path.SequenceEqual("/ws/hub"u8))
        {
            exchange.AcceptWebSocket(new HubHandler(probe), options);
            return RouteMatch.Handled(1);
        }

        if (path.SequenceEqual("/ws/deny"u8))
        {
            exchange.Response.StatusCode = 403;
            return RouteMatch.Handled(2);
        }

        if (path.SequenceEqual("/plain"u8))
        {
            exchange.Response.Text("plain"u8);
            return RouteMatch.Handled(3);
        }

        return RouteMatch.NotFound;
    }
}
