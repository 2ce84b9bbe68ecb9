using System;

namespace HyperRoute.Http.WebSockets;

/// <summary>Accepting a WebSocket in a route handler.</summary>
public static class WebSocketAccept
{
    /// <summary>
    /// Answers the request with the WebSocket opening handshake (RFC 6455 §4.2) when it is one: the server then
    /// writes the <c>101 Switching Protocols</c> and serves the connection as a WebSocket on the same worker,
    /// calling <paramref name="handler"/> back. A request that is not a valid handshake is answered here instead:
    /// 426 when it does not ask for <c>Upgrade: websocket</c> or asks for a version other than 13, 400 when it is
    /// malformed. Route values, validators and headers have been checked before the handler runs, so the
    /// upgrade happens only for a request the route accepts.
    /// </summary>
    /// <returns>
    /// The connection (open once the handshake is sent, from <see cref="WebSocketHandler.OnOpen"/> on), or
    /// <see langword="null"/> when the request was refused.
    /// </returns>
    /// <remarks>Only the built-in <see cref="HttpServer"/> switches protocols; served in-process, the request gets no answer body.</remarks>
    public static WebSocketConnection? AcceptWebSocket(this HttpExchange exchange, WebSocketHandler handler, WebSocketOptions? options = null, object? state = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(handler);
        options ??= WebSocketOptions.Default;
        Span<byte> accept = stackalloc byte[WebSocketHandshake.AcceptLength];
        if (!WebSocketHandshake.TryAccept(exchange.Request, exchange.Response, options, accept, out var subProtocol))
        {
            return null;
        }

        var connection = new WebSocketConnection(handler, options, subProtocol, state);
        connection.SetAccept(accept);
        exchange.Upgrade(connection);
        return connection;
    }
}
