using System;
using System.Runtime.CompilerServices;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>
/// A strict HTTP/1.1 request-head parser (RFC 9112): spans in, offsets out, nothing copied or allocated, one
/// pass over the bytes. It works on whatever has arrived: a head cut short is reported as incomplete, and a
/// violation is reported as soon as its bytes are in, without waiting for the rest (or for a timeout). Generic
/// over the router's header table, so the JIT compiles one parser per router in which the headers its routes
/// bind are captured and every other header is validated and skipped.
/// </summary>
public static class HttpRequestParser
{
    // Internal verdict: the bytes ran out before the head did.
    private const HttpError NeedMore = (HttpError)byte.MaxValue;

    /// <summary>
    /// Parses the request head at the start of <paramref name="buffer"/>. Returns <see langword="true"/> when the
    /// head is complete and valid (<see cref="HttpRequestHead.Length"/> says where the body starts);
    /// <see langword="false"/> with <see cref="HttpError.None"/> when every byte so far is valid but the head has
    /// not ended; <see langword="false"/> with the violation otherwise (414 and 431 as soon as the received bytes
    /// exceed the limits). Framing headers (<c>Host</c>, <c>Content-Length</c>, <c>Transfer-Encoding</c>,
    /// <c>Connection</c>, <c>Expect</c>) are interpreted; headers the router binds are recorded in
    /// <paramref name="slots"/>, indexed by <see cref="IHttpHeaderSlots.HeaderSlot"/>.
    /// </summary>
    public static bool TryParse<TSlots>(ReadOnlySpan<byte> buffer, HttpLimits limits, out HttpRequestHead head, Span<HttpSlice> slots, out HttpError error)
        where TSlots : IHttpHeaderSlots
    {
        error = Parse<TSlots>(buffer, limits, out head, slots);
        if (error == HttpError.None)
        {
            return true;
        }

        if (error == NeedMore)
        {
            error = HttpError.None;
        }

        return false;
    }

    private static HttpError Parse<TSlots>(ReadOnlySpan<byte> buffer, HttpLimits limits, out HttpRequestHead result, Span<HttpSlice> slots)
        where TSlots : IHttpHeaderSlots
    {
        result = default;
        result.ContentLength = -1;
        result.Host = HttpSlice.None;
        result.ContentType = HttpSlice.None;
        result.Query = HttpSlice.None;
        slots.Fill(HttpSlice.None);

        var pos = 0;
        while (pos < buffer.Length && buffer[pos] == '\r')
        {
            if (pos + 1 == buffer.Length)
            {
                return NeedMore;
            }

            if (buffer[pos + 1] != '\n')
            {
                return HttpError.InvalidLineEnding; // a CR before the request line that does not start an empty line
            }

            pos += 2; // leading empty lines (RFC 9112 §2.2)
            if (pos > limits.MaxRequestLineSize)
            {
                // Tolerated, not without end: an endless stream of empty lines would otherwise be buffered whole.
                return HttpError.InvalidRequestLine;
            }
        }

        var lineStart = pos;
        var error = ParseRequestLine(buffer, ref pos, ref result);
        if (error != HttpError.None)
        {
            return error == NeedMore && buffer.Length - lineStart > limits.MaxRequestLineSize ? HttpError.RequestLineTooLong : error;
        }

        if (pos - lineStart > limits.MaxRequestLineSize)
        {
            return HttpError.RequestLineTooLong;
        }

        var fieldsStart = pos;
        var connectionClose = false;
        var connectionKeepAlive = false;
        var transferEncoding = false;
        var unsupportedCoding = false;
        while (true)
        {
            if (pos - fieldsStart > limits.MaxRequestHeadersTotalSize)
            {
                return HttpError.HeadersTooLarge;
            }

            if (pos >= buffer.Length)
            {
                return NeedMore;
            }

            var first = buffer[pos];
            if (first == '\r')
            {
                if (pos + 1 == buffer.Length)
                {
                    return NeedMore;
                }

                if (buffer[pos + 1] != '\n')
                {
                    return HttpError.InvalidLineEnding;
                }

                pos += 2;
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

            error = ReadField(buffer, ref pos, out var nameStart, out var nameLength, out var value);
            if (error != HttpError.None)
            {
                return error == NeedMore && buffer.Length - fieldsStart > limits.MaxRequestHeadersTotalSize ? HttpError.HeadersTooLarge : error;
            }

            if (++result.HeaderCount > limits.MaxRequestHeaderCount)
            {
                return HttpError.HeadersTooLarge;
            }

            var name = buffer.Slice(nameStart, nameLength);
            var valueSpan = value.Of(buffer);
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
                case 12 when Utf8Literal.EqualsLower(name, "content-type"u8):
                    result.ContentType = value;
                    break;
                case 14 when Utf8Literal.EqualsLower(name, "content-length"u8):
                    if (!ReadContentLength(valueSpan, ref result.ContentLength))
                    {
                        return HttpError.InvalidContentLength;
                    }

                    break;
                case 17 when Utf8Literal.EqualsLower(name, "transfer-encoding"u8):
                    error = ReadTransferEncoding(valueSpan, ref result.IsChunked, ref unsupportedCoding);
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

        if (pos - fieldsStart > limits.MaxRequestHeadersTotalSize)
        {
            return HttpError.HeadersTooLarge;
        }

        result.Length = pos;
        return Finish(ref result, limits, transferEncoding, unsupportedCoding, connectionClose, connectionKeepAlive);
    }

    /// <summary>
    /// Reads one <c>name: value CRLF</c> field at <paramref name="pos"/> (trailer fields of a chunked body too):
    /// the name must be a token followed directly by the colon, the value must hold no control characters and
    /// the line must end in CRLF. The value's surrounding whitespace is trimmed. Returns an internal
    /// "need more" verdict when <paramref name="buffer"/> ends before the line does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static HttpError ReadField(ReadOnlySpan<byte> buffer, ref int pos, out int nameStart, out int nameLength, out HttpSlice value)
    {
        nameStart = pos;
        value = default;
        var colon = HttpChars.SkipToken(buffer, pos);
        nameLength = colon - pos;
        if (colon == buffer.Length)
        {
            nameLength = 0;
            return NeedMore;
        }

        if (nameLength == 0 || buffer[colon] != ':')
        {
            return HttpError.InvalidHeaderName; // empty name, whitespace before the colon, or a non-token byte
        }

        var start = colon + 1;
        while (start < buffer.Length && HttpChars.IsWhitespace(buffer[start]))
        {
            start++;
        }

        // One search finds the CR that ends the value and any forbidden byte before it; tabs are allowed.
        var stop = start;
        while (true)
        {
            var found = HttpChars.IndexOfControl(buffer.Slice(stop));
            if (found < 0)
            {
                return NeedMore;
            }

            stop += found;
            if (buffer[stop] != '\t')
            {
                break;
            }

            stop++;
        }

        switch (buffer[stop])
        {
            case (byte)'\r' when stop + 1 == buffer.Length:
                return NeedMore;
            case (byte)'\r' when buffer[stop + 1] == '\n':
                break;
            case (byte)'\r':
            case (byte)'\n':
                return HttpError.InvalidLineEnding; // bare CR or bare LF
            default:
                return HttpError.InvalidHeaderValue;
        }

        var end = stop;
        while (end > start && HttpChars.IsWhitespace(buffer[end - 1]))
        {
            end--;
        }

        value = new HttpSlice(start, end - start);
        pos = stop + 2;
        return HttpError.None;
    }

    /// <summary><see langword="true"/> when <paramref name="error"/> is the internal "need more bytes" verdict of <see cref="ReadField"/>.</summary>
    internal static bool IsNeedMore(HttpError error) => error == NeedMore;

    private static HttpError ParseRequestLine(ReadOnlySpan<byte> buffer, ref int pos, ref HttpRequestHead result)
    {
        // method SP
        var methodEnd = HttpChars.SkipToken(buffer, pos);
        if (methodEnd == buffer.Length)
        {
            return NeedMore;
        }

        var methodLength = methodEnd - pos;
        if (buffer[methodEnd] != ' ' || methodLength == 0)
        {
            return buffer[methodEnd] is (byte)'\r' or (byte)'\n' && methodLength > 0 ? HttpError.InvalidRequestLine : HttpError.InvalidMethod;
        }

        result.Method = new HttpSlice(pos, methodLength);
        pos = methodEnd + 1;

        // request-target SP: visible ASCII only (no spaces, controls or raw UTF-8)
        var targetLength = buffer.Slice(pos).IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E);
        if (targetLength < 0)
        {
            return NeedMore;
        }

        if (targetLength == 0 || buffer[pos + targetLength] != ' ')
        {
            return targetLength == 0 && buffer[pos] == ' ' ? HttpError.InvalidRequestLine : HttpError.InvalidTarget;
        }

        result.Target = new HttpSlice(pos, targetLength);
        var error = SplitTarget(buffer.Slice(pos, targetLength), pos, buffer.Slice(result.Method.Start, methodLength), ref result);
        if (error != HttpError.None)
        {
            return error;
        }

        pos += targetLength + 1;

        // HTTP-version CRLF; the common case is one 8-byte compare.
        var version = buffer.Slice(pos);
        if (version.Length >= 10 && version[8] == '\r' && version[9] == '\n')
        {
            var word = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(version);
            if (word == Http11Word || word == Http10Word)
            {
                result.Version = word == Http11Word ? HttpVersion.Http11 : HttpVersion.Http10;
                pos += 10;
                return HttpError.None;
            }
        }

        return CheckVersion(version);
    }

    private static readonly ulong Http11Word = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian("HTTP/1.1"u8);
    private static readonly ulong Http10Word = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian("HTTP/1.0"u8);

    // Why "HTTP/" DIGIT "." DIGIT CRLF is not there (or NeedMore while what has arrived is a valid start).
    private static HttpError CheckVersion(ReadOnlySpan<byte> version)
    {
        for (var i = 0; i < version.Length && i < 8; i++)
        {
            var b = version[i];
            var valid = i switch
            {
                < 5 => b == "HTTP/"u8[i],
                6 => b == '.',
                _ => HttpChars.IsDigit(b),
            };
            if (!valid)
            {
                return HttpError.InvalidRequestLine;
            }
        }

        if (version.Length >= 8 && (version[5] != '1' || version[7] > '1'))
        {
            return HttpError.UnsupportedVersion;
        }

        if (version.Length >= 9 && version[8] != '\r')
        {
            return version[8] == '\n' ? HttpError.InvalidLineEnding : HttpError.InvalidRequestLine;
        }

        return version.Length >= 10 ? HttpError.InvalidLineEnding : NeedMore; // a CR not followed by LF, or more to come
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

    private static HttpError Finish(ref HttpRequestHead result, HttpLimits limits, bool transferEncoding, bool unsupportedCoding, bool close, bool keepAlive)
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

        if (result.Version == HttpVersion.Http11 && !result.Host.IsPresent)
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
            else if (coding.IndexOfAnyExcept(HttpChars.Token) >= 0)
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
