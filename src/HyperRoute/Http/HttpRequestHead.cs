namespace HyperRoute.Http;

/// <summary>
/// A parsed request head: where each element lies in the receive buffer, and the framing the headers
/// declare. Produced by <see cref="HttpRequestParser.TryParse{TSlots}"/>; no bytes are copied.
/// </summary>
public struct HttpRequestHead
{
    /// <summary>The whole head in bytes: leading empty lines, request line, header fields and the final empty line.</summary>
    public int Length;

    /// <summary>The method token.</summary>
    public HttpSlice Method;

    /// <summary>The request target as sent (origin form <c>/path?query</c>, absolute form, or <c>*</c>).</summary>
    public HttpSlice Target;

    /// <summary>The path part of the target (without the query); <c>*</c> for the asterisk form.</summary>
    public HttpSlice Path;

    /// <summary>The query part of the target without the <c>?</c>; absent when there is none.</summary>
    public HttpSlice Query;

    /// <summary>The protocol version.</summary>
    public HttpVersion Version;

    /// <summary>The value of <c>Host</c>, absent when none was sent.</summary>
    public HttpSlice Host;

    /// <summary>The value of <c>Content-Type</c> (the last one, if several), absent when none was sent.</summary>
    public HttpSlice ContentType;

    /// <summary>The declared body length; -1 without <c>Content-Length</c>.</summary>
    public long ContentLength;

    /// <summary>The body is sent with the chunked transfer coding.</summary>
    public bool IsChunked;

    /// <summary>The connection may carry another request after this one.</summary>
    public bool KeepAlive;

    /// <summary>The client sent <c>Expect: 100-continue</c> and waits for an interim response before sending the body.</summary>
    public bool ExpectContinue;

    /// <summary>
    /// The target is <c>*</c> (asterisk-form, RFC 9112 §3.2.4), which the parser accepts only for <c>OPTIONS</c>: a
    /// question about the server, not a resource. The server answers it itself; no route sees it.
    /// </summary>
    public bool IsAsteriskForm;

    /// <summary>The number of header fields.</summary>
    public int HeaderCount;

    /// <summary><see langword="true"/> when a body follows the head (a non-zero <c>Content-Length</c>, or chunked).</summary>
    public readonly bool HasBody => IsChunked || ContentLength > 0;
}
