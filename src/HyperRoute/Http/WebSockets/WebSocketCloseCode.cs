namespace HyperRoute.Http.WebSockets;

/// <summary>The status codes of a WebSocket close frame (RFC 6455 §7.4.1) that the server sends or reports.</summary>
public enum WebSocketCloseCode : ushort
{
    /// <summary>1000: the purpose of the connection was fulfilled.</summary>
    NormalClosure = 1000,

    /// <summary>1001: the server is shutting down (or a browser page was left).</summary>
    GoingAway = 1001,

    /// <summary>1002: the peer broke the protocol (unmasked frame, reserved bits or opcodes, a bad control frame).</summary>
    ProtocolError = 1002,

    /// <summary>1003: a message of a type the endpoint does not accept.</summary>
    UnsupportedData = 1003,

    /// <summary>1005: reported (never sent) when a close frame carried no status code.</summary>
    NoStatusReceived = 1005,

    /// <summary>1006: reported (never sent) when the connection ended without a close frame: the peer vanished or stopped answering pings.</summary>
    AbnormalClosure = 1006,

    /// <summary>1007: a text message (or a close reason) that is not valid UTF-8.</summary>
    InvalidPayloadData = 1007,

    /// <summary>1008: a message that breaks the endpoint's policy (the server's queue for a slow receiver overflowed).</summary>
    PolicyViolation = 1008,

    /// <summary>1009: a message larger than <see cref="WebSocketOptions.MaxMessageSize"/>.</summary>
    MessageTooBig = 1009,

    /// <summary>1010: the client required an extension the server did not negotiate.</summary>
    MandatoryExtension = 1010,

    /// <summary>1011: the server hit an unexpected condition (the handler threw).</summary>
    InternalServerError = 1011,
}
