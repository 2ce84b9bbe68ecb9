using System;

namespace HyperRoute.Http;

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

    /// <summary>
    /// A one-line explanation, sent as the <c>text/plain</c> body of the error response (the server answers
    /// <see cref="HttpError.BodyTooLarge"/> as <c>application/problem+json</c> instead: it is about the body, not the protocol).
    /// </summary>
    public static ReadOnlySpan<byte> Message(this HttpError error) => error switch
    {
        HttpError.InvalidMethod => "The request method is not a valid token, or is longer than any method the server accepts.\n"u8,
        HttpError.InvalidTarget => "The request target is empty, has a byte that is not visible ASCII, is not in origin, absolute or OPTIONS asterisk form, or names no valid host.\n"u8,
        HttpError.InvalidRequestLine => "The request line is not 'METHOD SP target SP HTTP/x.y CRLF'.\n"u8,
        HttpError.InvalidLineEnding => "A line of the request head does not end in CRLF.\n"u8,
        HttpError.InvalidHeaderName => "A header name is not a token, or has whitespace before the colon.\n"u8,
        HttpError.InvalidHeaderValue => "A header value contains a control character.\n"u8,
        HttpError.ObsoleteLineFolding => "A header line starts with whitespace (obsolete line folding is not accepted).\n"u8,
        HttpError.MissingHost => "An HTTP/1.1 request must carry a Host header.\n"u8,
        HttpError.DuplicateHost => "The request carries more than one Host header.\n"u8,
        HttpError.InvalidHost => "The Host header is not a single host with an optional port.\n"u8,
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
