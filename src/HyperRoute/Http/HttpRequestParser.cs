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
        => Parse<TSlots>(buffer, limits, out head, slots, out error);

    // TryParse's contract, which every step below follows too: true when complete and valid; false with
    // HttpError.None when the bytes ran out first; false with the violation otherwise.
    private static bool Parse<TSlots>(ReadOnlySpan<byte> buffer, HttpLimits limits, out HttpRequestHead result, Span<HttpSlice> slots, out HttpError error)
        where TSlots : IHttpHeaderSlots
    {
        result = default;
        result.ContentLength = -1;
        result.Host = HttpSlice.None;
        result.ContentType = HttpSlice.None;
        result.Query = HttpSlice.None;
        slots.Fill(HttpSlice.None);
        error = HttpError.None;

        var pos = 0;
        while (pos < buffer.Length && buffer[pos] == '\r')
        {
            if (pos + 1 == buffer.Length)
            {
                return false;
            }

            if (buffer[pos + 1] != '\n')
            {
                error = HttpError.InvalidLineEnding; // a CR before the request line that does not start an empty line
                return false;
            }

            pos += 2; // leading empty lines (RFC 9112 §2.2)
            if (pos > limits.MaxRequestLineSize)
            {
                // Tolerated, not without end: an endless stream of empty lines would otherwise be buffered whole.
                error = HttpError.InvalidRequestLine;
                return false;
            }
        }

        var lineStart = pos;
        if (!TryParseRequestLine(buffer, ref pos, ref result, out var lineError))
        {
            error = lineError == HttpError.None && buffer.Length - lineStart > limits.MaxRequestLineSize ? HttpError.RequestLineTooLong : lineError;
            return false;
        }

        if (pos - lineStart > limits.MaxRequestLineSize)
        {
            error = HttpError.RequestLineTooLong;
            return false;
        }

        // An absolute-form target's authority is the request's host: the Host field is still required and checked,
        // but its value is ignored (RFC 9112 §3.2.2).
        var hostFromTarget = result.Host.IsPresent;
        var hostField = false;
        var fieldsStart = pos;
        var connectionClose = false;
        var connectionKeepAlive = false;
        var transferEncoding = false;
        var unsupportedCoding = false;
        while (true)
        {
            if (pos - fieldsStart > limits.MaxRequestHeadersTotalSize)
            {
                error = HttpError.HeadersTooLarge;
                return false;
            }

            if (pos >= buffer.Length)
            {
                return false;
            }

            var first = buffer[pos];
            if (first == '\r')
            {
                if (pos + 1 == buffer.Length)
                {
                    return false;
                }

                if (buffer[pos + 1] != '\n')
                {
                    error = HttpError.InvalidLineEnding;
                    return false;
                }

                pos += 2;
                break; // the empty line
            }

            if (first == '\n')
            {
                error = HttpError.InvalidLineEnding;
                return false;
            }

            if (HttpChars.IsWhitespace(first))
            {
                error = HttpError.ObsoleteLineFolding;
                return false;
            }

            if (!TryReadField(buffer, ref pos, out var nameStart, out var nameLength, out var value, out var fieldError))
            {
                error = fieldError == HttpError.None && buffer.Length - fieldsStart > limits.MaxRequestHeadersTotalSize ? HttpError.HeadersTooLarge : fieldError;
                return false;
            }

            if (++result.HeaderCount > limits.MaxRequestHeaderCount)
            {
                error = HttpError.HeadersTooLarge;
                return false;
            }

            var name = buffer.Slice(nameStart, nameLength);
            var valueSpan = value.Of(buffer);
            switch (nameLength)
            {
                case 4 when Utf8Literal.EqualsLower(name, "host"u8):
                    if (hostField)
                    {
                        error = HttpError.DuplicateHost;
                        return false;
                    }

                    if (!HostSyntax.IsValid(valueSpan))
                    {
                        error = HttpError.InvalidHost; // empty, userinfo, a path, several hosts, a bad port (RFC 9110 §7.2)
                        return false;
                    }

                    hostField = true;
                    if (!hostFromTarget)
                    {
                        result.Host = value;
                    }

                    break;
                case 6 when Utf8Literal.EqualsLower(name, "expect"u8):
                    if (!Utf8Literal.EqualsLower(valueSpan, "100-continue"u8))
                    {
                        error = HttpError.UnsupportedExpectation;
                        return false;
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
                        error = HttpError.InvalidContentLength;
                        return false;
                    }

                    break;
                case 17 when Utf8Literal.EqualsLower(name, "transfer-encoding"u8):
                    error = ReadTransferEncoding(valueSpan, ref result.IsChunked, ref unsupportedCoding);
                    if (error != HttpError.None)
                    {
                        return false;
                    }

                    transferEncoding = true;
                    break;
            }

            var slot = TSlots.HeaderSlot(name);
            if (slot >= 0)
            {
                if (slots[slot].IsPresent)
                {
                    error = HttpError.DuplicateBoundHeader;
                    return false;
                }

                slots[slot] = value;
            }
        }

        if (pos - fieldsStart > limits.MaxRequestHeadersTotalSize)
        {
            error = HttpError.HeadersTooLarge;
            return false;
        }

        result.Length = pos;
        error = Finish(ref result, limits, hostField, transferEncoding, unsupportedCoding, connectionClose, connectionKeepAlive);
        return error == HttpError.None;
    }

    /// <summary>
    /// Reads one <c>name: value CRLF</c> field at <paramref name="pos"/> (trailer fields of a chunked body too):
    /// the name must be a token followed directly by the colon, the value must hold no control characters and
    /// the line must end in CRLF. The value's surrounding whitespace is trimmed. Returns <see langword="true"/>
    /// when the line is complete and valid; <see langword="false"/> with <see cref="HttpError.None"/> when
    /// <paramref name="buffer"/> ends before the line does, or with the violation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryReadField(ReadOnlySpan<byte> buffer, ref int pos, out int nameStart, out int nameLength, out HttpSlice value, out HttpError error)
    {
        nameStart = pos;
        value = default;
        error = HttpError.None;
        var colon = HttpChars.SkipToken(buffer, pos);
        nameLength = colon - pos;
        if (colon == buffer.Length)
        {
            nameLength = 0;
            return false;
        }

        if (nameLength == 0 || buffer[colon] != ':')
        {
            error = HttpError.InvalidHeaderName; // empty name, whitespace before the colon, or a non-token byte
            return false;
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
                return false;
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
                return false;
            case (byte)'\r' when buffer[stop + 1] == '\n':
                break;
            case (byte)'\r':
            case (byte)'\n':
                error = HttpError.InvalidLineEnding; // bare CR or bare LF
                return false;
            default:
                error = HttpError.InvalidHeaderValue;
                return false;
        }

        var end = stop;
        while (end > start && HttpChars.IsWhitespace(buffer[end - 1]))
        {
            end--;
        }

        value = new HttpSlice(start, end - start);
        pos = stop + 2;
        return true;
    }
}
