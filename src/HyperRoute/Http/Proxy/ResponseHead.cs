using System;
using HyperRoute.Http.Parsing;

namespace HyperRoute.Http.Proxy;

/// <summary>How the body of a backend's response is delimited (RFC 9112 §6.3).</summary>
internal enum BodyFraming
{
    /// <summary>No body: a response to HEAD, or 1xx, 204, 304.</summary>
    None,

    /// <summary><c>Content-Length</c> bytes.</summary>
    Length,

    /// <summary>A chunked body.</summary>
    Chunked,

    /// <summary>Everything until the backend closes (HTTP/1.0 style; the connection cannot be reused).</summary>
    UntilClose,
}

/// <summary>What the proxy needs of a backend's response head, and where its fields are.</summary>
internal struct ResponseHead
{
    public int Status;
    public int Length;       // bytes up to and including the empty line
    public int FieldsStart;  // the first header line
    public BodyFraming Framing;
    public long ContentLength; // the Content-Length field's value, -1 when absent (also for a bodiless response)
    public bool KeepAlive;   // the backend keeps the connection open after this response
    public bool HasConnection;

    /// <summary>
    /// Parses a response head at the start of <paramref name="bytes"/>, strictly (CRLF line endings, no folded
    /// lines, no space before a colon, a single valid length): a backend that sends anything else gets its
    /// connection discarded rather than guessed at. Returns false with <paramref name="invalid"/> unset when the head
    /// is not complete yet.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, bool requestWasHead, out ResponseHead head, out bool invalid)
    {
        head = default;
        invalid = false;
        var end = bytes.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            // A bare LF anywhere in what arrived can never become a valid head: fail now rather than wait.
            invalid = HasBareLineFeed(bytes);
            return false;
        }

        head.Length = end + 4;
        var block = bytes.Slice(0, head.Length);
        if (HasBareLineFeed(block))
        {
            invalid = true;
            return false;
        }

        // HTTP/1.x SP 3DIGIT [SP reason] CRLF
        var lineEnd = block.IndexOf("\r\n"u8);
        var line = block.Slice(0, lineEnd);
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !HttpChars.IsDigit(line[7]) || line[8] != ' '
            || !HttpChars.IsDigit(line[9]) || !HttpChars.IsDigit(line[10]) || !HttpChars.IsDigit(line[11])
            || (line.Length > 12 && line[12] != ' ') || !HttpChars.IsFieldValue(line.Slice(Math.Min(13, line.Length))))
        {
            invalid = true;
            return false;
        }

        head.Status = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        if (head.Status < 100)
        {
            invalid = true;
            return false;
        }

        head.KeepAlive = line[7] == '1';
        head.FieldsStart = lineEnd + 2;
        var contentLength = -1L;
        var chunked = false;
        var transferEncoding = false;
        var pos = head.FieldsStart;
        while (pos < head.Length - 2)
        {
            var fieldEnd = pos + block.Slice(pos).IndexOf("\r\n"u8);
            var field = block.Slice(pos, fieldEnd - pos);
            pos = fieldEnd + 2;
            var nameEnd = HttpChars.SkipToken(field, 0);
            if (nameEnd == 0 || nameEnd >= field.Length || field[nameEnd] != ':')
            {
                invalid = true; // not a token, a space before the colon, or a folded line
                return false;
            }

            var name = field.Slice(0, nameEnd);
            var value = field.Slice(nameEnd + 1).Trim(" \t"u8);
            if (!HttpChars.IsFieldValue(value))
            {
                invalid = true;
                return false;
            }

            if (HopByHop.NameIs(name, "Content-Length"u8))
            {
                if (!TryParseLength(value, out var length) || (contentLength >= 0 && contentLength != length))
                {
                    invalid = true; // unparseable, or two different lengths: no safe framing
                    return false;
                }

                contentLength = length;
            }
            else if (HopByHop.NameIs(name, "Transfer-Encoding"u8))
            {
                transferEncoding = true;
                chunked = LastCodingIsChunked(value); // a later field's codings come after the earlier ones
            }
            else if (HopByHop.NameIs(name, "Connection"u8))
            {
                head.HasConnection = true;
                if (HopByHop.ListContains(value, "close"u8))
                {
                    head.KeepAlive = false;
                }
                else if (line[7] == '0' && HopByHop.ListContains(value, "keep-alive"u8))
                {
                    head.KeepAlive = true;
                }
            }
        }

        head.ContentLength = transferEncoding ? -1 : contentLength; // a length beside Transfer-Encoding means nothing
        if (requestWasHead || head.Status < 200 || head.Status is 204 or 304)
        {
            head.Framing = BodyFraming.None;
        }
        else if (transferEncoding)
        {
            // Transfer-Encoding overrides Content-Length; a response framed both ways is a smuggling hazard, so its
            // connection is not reused. Not ending in chunked: the body runs to the close.
            head.Framing = chunked ? BodyFraming.Chunked : BodyFraming.UntilClose;
            if (!chunked || contentLength >= 0)
            {
                head.KeepAlive = false;
            }
        }
        else if (contentLength >= 0)
        {
            head.Framing = BodyFraming.Length;
        }
        else
        {
            head.Framing = BodyFraming.UntilClose;
            head.KeepAlive = false;
        }

        return true;
    }

    // "10", or a list of the same value "10, 10" (RFC 9110 §8.6); digits only, no overflow.
    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = -1;
        while (true)
        {
            var comma = value.IndexOf((byte)',');
            var item = (comma < 0 ? value : value.Slice(0, comma)).Trim(" \t"u8);
            if (item.IsEmpty || item.Length > 18)
            {
                return false;
            }

            long parsed = 0;
            foreach (var b in item)
            {
                if (!HttpChars.IsDigit(b))
                {
                    return false;
                }

                parsed = (parsed * 10) + (b - '0');
            }

            if (length >= 0 && parsed != length)
            {
                return false;
            }

            length = parsed;
            if (comma < 0)
            {
                return true;
            }

            value = value.Slice(comma + 1);
        }
    }

    private static bool LastCodingIsChunked(ReadOnlySpan<byte> value)
    {
        var comma = value.LastIndexOf((byte)',');
        var last = (comma < 0 ? value : value.Slice(comma + 1)).Trim(" \t"u8);
        var semicolon = last.IndexOf((byte)';');
        if (semicolon >= 0)
        {
            last = last.Slice(0, semicolon).TrimEnd(" \t"u8);
        }

        return HopByHop.NameIs(last, "chunked"u8);
    }

    private static bool HasBareLineFeed(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOf((byte)'\n');
        while (at >= 0)
        {
            if (at == 0 || bytes[at - 1] != '\r')
            {
                return true;
            }

            var next = bytes.Slice(at + 1).IndexOf((byte)'\n');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }
}
