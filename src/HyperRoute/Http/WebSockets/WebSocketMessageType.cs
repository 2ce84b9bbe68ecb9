namespace HyperRoute.Http.WebSockets;

/// <summary>The kind of a WebSocket data message.</summary>
public enum WebSocketMessageType : byte
{
    /// <summary>UTF-8 text (validated on receipt; invalid text closes the connection with 1007).</summary>
    Text = 1,

    /// <summary>Arbitrary bytes.</summary>
    Binary = 2,
}
