using System.Runtime.CompilerServices;
using System;
using HyperRoute.Http.Parsing;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>
/// A strict HTTP/1.1 request-head parser (RFC 9112): spans in, offsets out, nothing copied or allocated, one
/// pass over the bytes. It works on whatever has arrived: a head cut short is reported as incomplete, and a
/// violation is reported as soon as its bytes are in, without waiting for the rest (or for a timeout). Generic
/// over the router's header table, so the JIT compiles one parser per router in which the headers its routes
/// bind are captured and every other header is validated and skipped.
/// </summary>
public static partial class HttpRequestParser
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
}
