using System;

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
    /// <summary>The method is not a token.</summary>
    InvalidMethod,
    /// <summary>The request target is empty, holds a byte that is not visible ASCII, or has a form the server does not take.</summary>
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
    /// <summary><c>Content-Length</c> is not a decimal number, or several values disagree.</summary>
    InvalidContentLength,
    /// <summary>Both <c>Content-Length</c> and <c>Transfer-Encoding</c>: the framing is ambiguous (request smuggling).</summary>
    ContentLengthWithTransferEncoding,
    /// <summary><c>Transfer-Encoding</c> whose final coding is not <c>chunked</c>, <c>chunked</c> applied twice, or sent with HTTP/1.0.</summary>
    InvalidTransferEncoding,
    /// <summary>A chunk-size line that is not hex digits, optional extensions and CRLF, or data not followed by CRLF.</summary>
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

/// <summary>The status and explanation of each <see cref="HttpError"/>.</summary>
public static class HttpErrors
{
    /// <summary>The response status for <paramref name="error"/>.</summary>
    public static int StatusCode(this HttpError error) => error switch
    {
        HttpError.None => 200,
        HttpError.RequestLineTooLong => 414,
        HttpError.HeadersTooLarge => 431,
        HttpError.BodyTooLarge => 413,
        HttpError.UnsupportedTransferCoding => 501,
        HttpError.UnsupportedVersion => 505,
        HttpError.UnsupportedExpectation => 417,
        HttpError.RequestTimeout => 408,
        _ => 400,
    };

    /// <summary>A one-line explanation, sent as the <c>text/plain</c> body of the error response.</summary>
    public static ReadOnlySpan<byte> Message(this HttpError error) => error switch
    {
        HttpError.InvalidMethod => "The request method is not a valid token.\n"u8,
        HttpError.InvalidTarget => "The request target is empty, has a byte that is not visible ASCII, or is not in origin or absolute form.\n"u8,
        HttpError.InvalidRequestLine => "The request line is not 'METHOD SP target SP HTTP/x.y CRLF'.\n"u8,
        HttpError.InvalidLineEnding => "A line of the request head does not end in CRLF.\n"u8,
        HttpError.InvalidHeaderName => "A header name is not a token, or has whitespace before the colon.\n"u8,
        HttpError.InvalidHeaderValue => "A header value contains a control character.\n"u8,
        HttpError.ObsoleteLineFolding => "A header line starts with whitespace (obsolete line folding is not accepted).\n"u8,
        HttpError.MissingHost => "An HTTP/1.1 request must carry a Host header.\n"u8,
        HttpError.DuplicateHost => "The request carries more than one Host header.\n"u8,
        HttpError.InvalidContentLength => "Content-Length is not a decimal number, or its values disagree.\n"u8,
        HttpError.ContentLengthWithTransferEncoding => "The request carries both Content-Length and Transfer-Encoding.\n"u8,
        HttpError.InvalidTransferEncoding => "Transfer-Encoding must end in a single 'chunked' (and is not allowed in HTTP/1.0).\n"u8,
        HttpError.InvalidChunk => "The chunked body is malformed.\n"u8,
        HttpError.DuplicateBoundHeader => "A header this route reads was sent more than once.\n"u8,
        HttpError.RequestLineTooLong => "The request line is too long.\n"u8,
        HttpError.HeadersTooLarge => "The request header fields are too large or too many.\n"u8,
        HttpError.BodyTooLarge => "The request body is too large.\n"u8,
        HttpError.UnsupportedTransferCoding => "Only the chunked transfer coding is supported.\n"u8,
        HttpError.UnsupportedVersion => "Only HTTP/1.0 and HTTP/1.1 are supported.\n"u8,
        HttpError.UnsupportedExpectation => "Only 'Expect: 100-continue' is supported.\n"u8,
        HttpError.RequestTimeout => "The request head did not arrive in time.\n"u8,
        _ => default,
    };
}
