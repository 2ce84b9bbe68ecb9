using System;
using System.Collections.Generic;

namespace HyperRoute.Http.WebSockets;

/// <summary>What a slow receiver costs: the policy once its outbound queue holds <see cref="WebSocketOptions.MaxQueuedBytes"/>.</summary>
public enum SlowReceiverPolicy : byte
{
    /// <summary>The connection is dropped and its queue freed (the handler sees <see cref="WebSocketCloseCode.PolicyViolation"/>).</summary>
    DropConnection,

    /// <summary>The message that does not fit is dropped (the send returns <see langword="false"/>); the connection stays.</summary>
    DropMessages,
}

/// <summary>Limits and timers of the WebSocket connections a handler accepts.</summary>
public sealed record WebSocketOptions
{
    /// <summary>The defaults: no subprotocol, 4 MiB messages, a ping after 30 s of silence answered within 30 s.</summary>
    public static WebSocketOptions Default { get; } = new();

    /// <summary>
    /// The subprotocols the server speaks, in its order of preference: the first one the client offers
    /// (<c>Sec-WebSocket-Protocol</c>) is selected; none when the client offers none of them.
    /// </summary>
    public IReadOnlyList<string> SubProtocols { get; init; } = [];

    /// <summary>The largest message accepted, fragments included; a larger one closes the connection with 1009.</summary>
    public int MaxMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// After this long without a byte from the client, the server sends a ping; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// for no keep-alive. Checked once a second by the connection's worker.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When nothing (no pong, no other frame) arrives this long after a keep-alive ping, the connection is dropped (1006).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server waits for the client's close frame after sending its own.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The bytes of messages that may wait for a slow receiver (sent, not yet handed to the socket); one message is
    /// always accepted into an empty queue, whatever its size.
    /// </summary>
    public int MaxQueuedBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>What happens when <see cref="MaxQueuedBytes"/> would be exceeded.</summary>
    public SlowReceiverPolicy SlowReceiver { get; init; } = SlowReceiverPolicy.DropConnection;
}
