namespace HyperRoute.Http;

/// <summary>
/// Why a request was rejected before it reached a route. Each maps to one status (<see cref="HttpErrors.StatusCode"/>)
/// and one short explanation sent as the response body (<see cref="HttpErrors.Message"/>); the connection is
/// closed after any of them.
/// </summary>
public enum HttpError : byte
{
    /// <summary>No error.</summary>
    None = 0,

    // 400
    /// <summary>The method is not a token, or is longer than <see cref="HttpLimits.MaxMethodLength"/>: a malformed request line.</summary>
    InvalidMethod,
    /// <summary>
    /// The request target is empty, holds a byte that is not visible ASCII, has a form the server does not take
    /// (authority-form, asterisk-form with a method other than <c>OPTIONS</c>), or is in absolute-form with an
    /// authority that is not <c>uri-host [ ":" port ]</c> (empty, or with userinfo).
    /// </summary>
    InvalidTarget,
    /// <summary>
    /// The version is not <c>HTTP/DIGIT.DIGIT</c>, the request line is not <c>method SP target SP version CRLF</c>,
    /// or more than <see cref="HttpLimits.MaxRequestLineSize"/> bytes of empty lines come before it.
    /// </summary>
    InvalidRequestLine,
    /// <summary>A line ends in a bare LF, or a CR is not followed by LF.</summary>
    InvalidLineEnding,
    /// <summary>A header name is empty, not a token, or followed by whitespace before the colon.</summary>
    InvalidHeaderName,
    /// <summary>A header value holds a control character (other than horizontal tab).</summary>
    InvalidHeaderValue,
    /// <summary>A header line starts with whitespace: obsolete line folding.</summary>
    ObsoleteLineFolding,
    /// <summary>An HTTP/1.1 request without <c>Host</c>.</summary>
    MissingHost,
    /// <summary>More than one <c>Host</c>.</summary>
    DuplicateHost,
    /// <summary>
    /// <c>Host</c> is not <c>uri-host [ ":" port ]</c>: empty, with userinfo or a path, several hosts, a byte no host
    /// holds, or a port that is not digits up to 65535 (RFC 9110 §7.2, RFC 9112 §3.2).
    /// </summary>
    InvalidHost,
    /// <summary><c>Content-Length</c> is not a decimal number, or several values disagree.</summary>
    InvalidContentLength,
    /// <summary>Both <c>Content-Length</c> and <c>Transfer-Encoding</c>: the framing is ambiguous (request smuggling).</summary>
    ContentLengthWithTransferEncoding,
    /// <summary><c>Transfer-Encoding</c> whose final coding is not <c>chunked</c>, <c>chunked</c> applied twice, or sent with HTTP/1.0.</summary>
    InvalidTransferEncoding,
    /// <summary>
    /// A chunk-size line that is not hex digits, optional extensions and CRLF, a chunk size too large for 63 bits
    /// (malformed framing, not a body too large), or data not followed by CRLF.
    /// </summary>
    InvalidChunk,
    /// <summary>A header a route binds (<see cref="HeaderAttribute"/>) was sent more than once.</summary>
    DuplicateBoundHeader,

    // other statuses
    /// <summary>The request line is longer than <see cref="HttpLimits.MaxRequestLineSize"/> (414).</summary>
    RequestLineTooLong,
    /// <summary>Header fields exceed <see cref="HttpLimits.MaxRequestHeadersTotalSize"/> or <see cref="HttpLimits.MaxRequestHeaderCount"/> (431).</summary>
    HeadersTooLarge,
    /// <summary>The body exceeds <see cref="HttpLimits.MaxRequestBodySize"/> (413).</summary>
    BodyTooLarge,
    /// <summary>A transfer coding other than <c>chunked</c> (501).</summary>
    UnsupportedTransferCoding,
    /// <summary>A version other than HTTP/1.0 and HTTP/1.1 (505).</summary>
    UnsupportedVersion,
    /// <summary>An <c>Expect</c> other than <c>100-continue</c> (417).</summary>
    UnsupportedExpectation,
    /// <summary>The request head did not arrive within the headers timeout (408).</summary>
    RequestTimeout,
}
