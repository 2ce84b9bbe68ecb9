using System;
using System.Runtime.CompilerServices;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>
/// A strict HTTP/1.1 request-head parser (RFC 9112): spans in, offsets out, nothing copied or allocated.
/// Generic over the router's header table, so the JIT compiles one parser per router in which the headers
/// its routes bind are captured and every other header is validated and skipped.
/// </summary>
public static class HttpRequestParser
{
    /// <summary>
    /// Parses a request at the start of <paramref name="buffer"/> when its head is complete: finds the end of
    /// the head, then parses it. Returns <see langword="false"/> with <see cref="HttpError.None"/> when more
    /// bytes are needed. Convenience for callers that parse whole buffers; servers keep a <see cref="HeadScan"/>
    /// across reads instead.
    /// </summary>
    public static bool TryParse<TSlots>(ReadOnlySpan<byte> buffer, HttpLimits limits, out HttpRequestHead head, Span<HttpSlice> slots, out HttpError error)
        where TSlots : IHttpHeaderSlots
    {
        var scan = default(HeadScan);
        var length = scan.FindEnd(buffer, limits, out error);
        if (length < 0)
        {
            head = default;
            return false;
        }

        error = ParseHead<TSlots>(buffer.Slice(0, length), limits, out head, slots);
        return error == HttpError.None;
    }

    /// <summary>
    /// Parses a complete head, as delimited by <see cref="HeadScan.FindEnd"/>: the request line, then each
    /// header field. Framing headers (<c>Host</c>, <c>Content-Length</c>, <c>Transfer-Encoding</c>,
    /// <c>Connection</c>, <c>Expect</c>) are interpreted; headers the router binds are recorded in
    /// <paramref name="slots"/> (indexed by <see cref="IHttpHeaderSlots.HeaderSlot"/>).
    /// </summary>
    /// <returns><see cref="HttpError.None"/>, or the first violation found.</returns>
    public static HttpError ParseHead<TSlots>(ReadOnlySpan<byte> head, HttpLimits limits, out HttpRequestHead result, Span<HttpSlice> slots)
        where TSlots : IHttpHeaderSlots
    {
        result = default;
        result.Length = head.Length;
        result.ContentLength = -1;
        result.Host = HttpSlice.None;
        result.Query = HttpSlice.None;
        slots.Fill(HttpSlice.None);

        var pos = 0;
        while (head[pos] == '\r' && head[pos + 1] == '\n')
        {
            pos += 2; // leading empty lines, as HeadScan skipped them; a CR without LF is left to fail the request line
        }

        var error = ParseRequestLine(head, ref pos, ref result);
        if (error != HttpError.None)
        {
            return error;
        }

        var connectionClose = false;
        var connectionKeepAlive = false;
        var transferEncoding = false;
        while (true)
        {
            var first = head[pos];
            if (first == '\r')
            {
                if (head[pos + 1] != '\n')
                {
                    return HttpError.InvalidLineEnding;
                }

                break; // the empty line
            }

            if (first == '\n')
            {
                return HttpError.InvalidLineEnding;
            }

            if (HttpChars.IsWhitespace(first))
            {
                return HttpError.ObsoleteLineFolding;
            }

            error = ReadField(head, ref pos, out var nameStart, out var nameLength, out var value);
            if (error != HttpError.None)
            {
                return error;
            }

            if (++result.HeaderCount > limits.MaxRequestHeaderCount)
            {
                return HttpError.HeadersTooLarge;
            }

            var name = head.Slice(nameStart, nameLength);
            var valueSpan = value.Of(head);
            switch (nameLength)
            {
                case 4 when Utf8Literal.EqualsLower(name, "host"u8):
                    if (result.Host.IsPresent)
                    {
                        return HttpError.DuplicateHost;
                    }

                    result.Host = value;
                    break;
                case 6 when Utf8Literal.EqualsLower(name, "expect"u8):
                    if (!Utf8Literal.EqualsLower(valueSpan, "100-continue"u8))
                    {
                        return HttpError.UnsupportedExpectation;
                    }

                    result.ExpectContinue = true;
                    break;
                case 10 when Utf8Literal.EqualsLower(name, "connection"u8):
                    ReadConnection(valueSpan, ref connectionClose, ref connectionKeepAlive);
                    break;
                case 14 when Utf8Literal.EqualsLower(name, "content-length"u8):
                    if (!ReadContentLength(valueSpan, ref result.ContentLength))
                    {
                        return HttpError.InvalidContentLength;
                    }

                    break;
                case 17 when Utf8Literal.EqualsLower(name, "transfer-encoding"u8):
                    error = ReadTransferEncoding(valueSpan, ref result.IsChunked);
                    if (error != HttpError.None)
                    {
                        return error;
                    }

                    transferEncoding = true;
                    break;
            }

            var slot = TSlots.HeaderSlot(name);
            if (slot >= 0)
            {
                if (slots[slot].IsPresent)
                {
                    return HttpError.DuplicateBoundHeader;
                }

                slots[slot] = value;
            }
        }

        return Finish(ref result, limits, transferEncoding, connectionClose, connectionKeepAlive);
    }

    /// <summary>
    /// Reads one <c>name: value CRLF</c> field at <paramref name="pos"/> (trailer fields of a chunked body too):
    /// the name must be a token followed directly by the colon, the value must hold no control characters and
    /// the line must end in CRLF. The value's surrounding whitespace is trimmed.
    /// </summary>
    internal static HttpError ReadField(ReadOnlySpan<byte> head, ref int pos, out int nameStart, out int nameLength, out HttpSlice value)
    {
        nameStart = pos;
        value = default;
        nameLength = head.Slice(pos).IndexOfAnyExcept(HttpChars.Token);
        if (nameLength <= 0 || head[pos + nameLength] != ':')
        {
            return HttpError.InvalidHeaderName; // empty name, whitespace before the colon, or a non-token byte
        }

        pos += nameLength + 1;
        while (HttpChars.IsWhitespace(head[pos]))
        {
            pos++;
        }

        var end = head.Slice(pos).IndexOfAny(HttpChars.NotFieldValue);
        if (end < 0)
        {
            return HttpError.InvalidLineEnding; // no CRLF after the value (only when called on a partial buffer)
        }

        var stop = pos + end;
        switch (head[stop])
        {
            case (byte)'\r' when stop + 1 < head.Length && head[stop + 1] == '\n':
                break;
            case (byte)'\r':
            case (byte)'\n':
                return HttpError.InvalidLineEnding; // bare CR or bare LF
            default:
                return HttpError.InvalidHeaderValue;
        }

        var length = end;
        while (length > 0 && HttpChars.IsWhitespace(head[pos + length - 1]))
        {
            length--;
        }

        value = new HttpSlice(pos, length);
        pos = stop + 2;
        return HttpError.None;
    }

    private static HttpError ParseRequestLine(ReadOnlySpan<byte> head, ref int pos, ref HttpRequestHead result)
    {
        // method SP
        var methodLength = head.Slice(pos).IndexOfAnyExcept(HttpChars.Token);
        if (methodLength <= 0)
        {
            return HttpError.InvalidMethod;
        }

        if (head[pos + methodLength] != ' ')
        {
            return head[pos + methodLength] is (byte)'\r' or (byte)'\n' ? HttpError.InvalidRequestLine : HttpError.InvalidMethod;
        }

        result.Method = new HttpSlice(pos, methodLength);
        pos += methodLength + 1;

        // request-target SP: visible ASCII only (no spaces, controls or raw UTF-8)
        var targetLength = head.Slice(pos).IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E);
        if (targetLength <= 0 || head[pos + targetLength] != ' ')
        {
            return targetLength == 0 && head[pos] == ' ' ? HttpError.InvalidRequestLine : HttpError.InvalidTarget;
        }

        result.Target = new HttpSlice(pos, targetLength);
        var error = SplitTarget(head.Slice(pos, targetLength), pos, head.Slice(result.Method.Start, methodLength), ref result);
        if (error != HttpError.None)
        {
            return error;
        }

        pos += targetLength + 1;

        // HTTP-version CRLF
        if (head.Length - pos < 10 || !head.Slice(pos, 5).SequenceEqual("HTTP/"u8) || !HttpChars.IsDigit(head[pos + 5])
            || head[pos + 6] != '.' || !HttpChars.IsDigit(head[pos + 7]))
        {
            return HttpError.InvalidRequestLine;
        }

        if (head[pos + 8] != '\r' || head[pos + 9] != '\n')
        {
            return head[pos + 8] == '\n' || head[pos + 8] == '\r' ? HttpError.InvalidLineEnding : HttpError.InvalidRequestLine;
        }

        var major = head[pos + 5] - '0';
        var minor = head[pos + 7] - '0';
        if (major != 1 || minor > 1)
        {
            return HttpError.UnsupportedVersion;
        }

        result.Version = minor == 0 ? HttpVersion.Http10 : HttpVersion.Http11;
        pos += 10;
        return HttpError.None;
    }

    // Origin form (/path?query), absolute form (http://host/path?query), asterisk form (OPTIONS *).
    private static HttpError SplitTarget(ReadOnlySpan<byte> target, int offset, ReadOnlySpan<byte> method, ref HttpRequestHead result)
    {
        var pathStart = 0;
        if (target[0] != '/')
        {
            if (target.Length == 1 && target[0] == '*' && method.SequenceEqual("OPTIONS"u8))
            {
                result.Path = new HttpSlice(offset, 1);
                return HttpError.None;
            }

            var scheme = target.IndexOf("://"u8);
            if (scheme <= 0 || !IsScheme(target.Slice(0, scheme)))
            {
                return HttpError.InvalidTarget;
            }

            var authorityStart = scheme + 3;
            var slash = target.Slice(authorityStart).IndexOfAny((byte)'/', (byte)'?');
            if (slash < 0)
            {
                // "http://host": the path is empty, which means "/"; it has no bytes in the buffer to point at.
                result.Path = new HttpSlice(offset + target.Length, 0);
                return HttpError.None;
            }

            pathStart = authorityStart + slash;
        }

        var fragment = target.Slice(pathStart).IndexOf((byte)'#');
        var end = fragment < 0 ? target.Length : pathStart + fragment;
        var question = target.Slice(pathStart, end - pathStart).IndexOf((byte)'?');
        if (question < 0)
        {
            result.Path = new HttpSlice(offset + pathStart, end - pathStart);
        }
        else
        {
            result.Path = new HttpSlice(offset + pathStart, question);
            result.Query = new HttpSlice(offset + pathStart + question + 1, end - pathStart - question - 1);
        }

        return HttpError.None;
    }

    private static bool IsScheme(ReadOnlySpan<byte> scheme)
    {
        if (!char.IsAsciiLetter((char)scheme[0]))
        {
            return false;
        }

        foreach (var b in scheme)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b is not ((byte)'+' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }

    private static HttpError Finish(ref HttpRequestHead result, HttpLimits limits, bool transferEncoding, bool close, bool keepAlive)
    {
        if (result.Version == HttpVersion.Http11 && !result.Host.IsPresent)
        {
            return HttpError.MissingHost;
        }

        if (transferEncoding)
        {
            if (result.ContentLength >= 0)
            {
                return HttpError.ContentLengthWithTransferEncoding;
            }

            if (result.Version == HttpVersion.Http10)
            {
                return HttpError.InvalidTransferEncoding;
            }
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

    // Transfer-Encoding: chunked must be the final coding, applied once; any other coding is not implemented.
    private static HttpError ReadTransferEncoding(ReadOnlySpan<byte> value, ref bool chunked)
    {
        var unsupported = false;
        var any = false;
        foreach (var range in value.Split((byte)','))
        {
            var coding = Trim(value[range]);
            if (coding.IsEmpty)
            {
                continue; // empty list elements are allowed (RFC 9110 §5.6.1)
            }

            any = true;
            if (chunked)
            {
                return HttpError.InvalidTransferEncoding; // something after chunked, or chunked twice
            }

            if (Utf8Literal.EqualsLower(coding, "chunked"u8))
            {
                chunked = true;
            }
            else if (coding.IndexOfAnyExcept(HttpChars.Token) >= 0)
            {
                return HttpError.InvalidTransferEncoding;
            }
            else
            {
                unsupported = true;
            }
        }

        if (!any || !chunked)
        {
            return HttpError.InvalidTransferEncoding; // the final coding is not chunked: the length cannot be known
        }

        return unsupported ? HttpError.UnsupportedTransferCoding : HttpError.None;
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
