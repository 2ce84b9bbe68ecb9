using System.Runtime.CompilerServices;
using System;
using HyperRoute.Http.Parsing;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>The header fields that frame the message or the connection: Content-Length, Transfer-Encoding, Connection.</summary>
public static partial class HttpRequestParser
{
    private static HttpError Finish(ref HttpRequestHead result, HttpLimits limits, bool hostField, bool transferEncoding, bool unsupportedCoding, bool close, bool keepAlive)
    {
        if (transferEncoding)
        {
            if (result.ContentLength >= 0)
            {
                return HttpError.ContentLengthWithTransferEncoding;
            }

            if (!result.IsChunked || result.Version == HttpVersion.Http10)
            {
                // The final coding is not chunked, so the length cannot be known (RFC 9112 §6.3); HTTP/1.0 has no chunked coding.
                return HttpError.InvalidTransferEncoding;
            }

            if (unsupportedCoding)
            {
                return HttpError.UnsupportedTransferCoding;
            }
        }

        if (result.Version == HttpVersion.Http11 && !hostField)
        {
            return HttpError.MissingHost;
        }

        if (result.ContentLength > limits.MaxRequestBodySize)
        {
            return HttpError.BodyTooLarge;
        }

        result.KeepAlive = !close && (result.Version == HttpVersion.Http11 || keepAlive);
        return HttpError.None;
    }

    // Connection: a comma-separated list of tokens; only "close" and "keep-alive" mean anything here.
    private static void ReadConnection(ReadOnlySpan<byte> value, ref bool close, ref bool keepAlive)
    {
        foreach (var range in value.Split((byte)','))
        {
            var option = Trim(value[range]);
            if (Utf8Literal.EqualsLower(option, "close"u8))
            {
                close = true;
            }
            else if (Utf8Literal.EqualsLower(option, "keep-alive"u8))
            {
                keepAlive = true;
            }
        }
    }

    // Content-Length: 1*DIGIT, or a list of identical values ("5, 5"); every occurrence must agree.
    private static bool ReadContentLength(ReadOnlySpan<byte> value, ref long contentLength)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var range in value.Split((byte)','))
        {
            var digits = Trim(value[range]);
            if (digits.IsEmpty)
            {
                return false;
            }

            long parsed = 0;
            foreach (var b in digits)
            {
                if (!HttpChars.IsDigit(b) || parsed > (long.MaxValue - 9) / 10)
                {
                    return false;
                }

                parsed = (parsed * 10) + (b - '0');
            }

            if (contentLength >= 0 && contentLength != parsed)
            {
                return false;
            }

            contentLength = parsed;
        }

        return true;
    }

    // Transfer-Encoding: a list of codings, possibly over several field lines that read as one list (RFC 9110 §5.3).
    // chunked must be the final coding, applied once, which Finish checks once all lines are read; any other
    // coding is noted as not implemented.
    private static HttpError ReadTransferEncoding(ReadOnlySpan<byte> value, ref bool chunked, ref bool unsupported)
    {
        foreach (var range in value.Split((byte)','))
        {
            var coding = Trim(value[range]);
            if (coding.IsEmpty)
            {
                continue; // empty list elements are allowed (RFC 9110 §5.6.1)
            }

            if (chunked)
            {
                return HttpError.InvalidTransferEncoding; // something after chunked, or chunked twice
            }

            if (Utf8Literal.EqualsLower(coding, "chunked"u8))
            {
                chunked = true;
            }
            else if (HttpChars.SkipToken(coding, 0) != coding.Length)
            {
                return HttpError.InvalidTransferEncoding;
            }
            else
            {
                unsupported = true;
            }
        }

        return HttpError.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && HttpChars.IsWhitespace(value[start]))
        {
            start++;
        }

        var end = value.Length;
        while (end > start && HttpChars.IsWhitespace(value[end - 1]))
        {
            end--;
        }

        return value.Slice(start, end - start);
    }
}
