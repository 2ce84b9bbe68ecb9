using System;

namespace HyperRoute.Http;

/// <summary>The request head as it arrived, for code that passes every header on (the reverse proxy).</summary>
public sealed partial class HttpRequest
{
    /// <summary>
    /// The request line and header fields exactly as received and validated by the server's parser (CRLF line
    /// endings, up to and including the empty line), without the empty lines a client may send before a request.
    /// </summary>
    internal ReadOnlySpan<byte> RawHead => _buffer.AsSpan(_offset + _head.Method.Start, _head.Length - _head.Method.Start);
}
