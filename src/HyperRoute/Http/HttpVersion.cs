namespace HyperRoute.Http;

/// <summary>The protocol version of a request.</summary>
public enum HttpVersion : byte
{
    /// <summary>HTTP/1.0: the connection closes after the response unless the client asked for keep-alive.</summary>
    Http10 = 10,
    /// <summary>HTTP/1.1: the connection stays open unless either side says <c>Connection: close</c>.</summary>
    Http11 = 11,
}
