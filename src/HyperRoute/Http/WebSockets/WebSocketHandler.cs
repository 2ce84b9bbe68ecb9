using System;

namespace HyperRoute.Http.WebSockets;

/// <summary>
/// What the server calls for an accepted WebSocket connection. Every callback runs on the connection's worker,
/// one at a time, in the order the frames arrived: a callback must not block (it holds up the worker's other
/// connections). Sending from a callback writes straight into the connection's output (no allocation, no hop);
/// sending from any other thread is safe too. One handler may serve many connections: per-connection data goes in
/// <see cref="WebSocketConnection.State"/>.
/// </summary>
public abstract class WebSocketHandler
{
    /// <summary>The handshake went out: the connection is open.</summary>
    public virtual void OnOpen(WebSocketConnection connection)
    {
    }

    /// <summary>
    /// A whole message arrived (fragments joined, text validated as UTF-8). <paramref name="payload"/> is a view into
    /// the connection's buffers, valid only during the call: copy what must outlive it.
    /// </summary>
    public abstract void OnMessage(WebSocketConnection connection, WebSocketMessageType type, ReadOnlySpan<byte> payload);

    /// <summary>
    /// The connection ended, once, whatever the reason: the close handshake (<paramref name="code"/> as the client or
    /// the server sent it), a protocol error, or the client vanishing (<see cref="WebSocketCloseCode.AbnormalClosure"/>).
    /// </summary>
    public virtual void OnClose(WebSocketConnection connection, WebSocketCloseCode code, string reason)
    {
    }
}
