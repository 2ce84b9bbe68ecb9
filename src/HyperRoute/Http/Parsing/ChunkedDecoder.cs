using System;

namespace HyperRoute.Http.Parsing;

/// <summary>
/// Decodes a chunked request body (RFC 9112 §7.1) in place, as its bytes arrive: chunk data is moved down over
/// the chunk framing, so the body ends up contiguous right after the head and the bytes still to be decoded
/// follow it directly. Chunk extensions are parsed and bounded (<see cref="HttpLimits.MaxChunkLineSize"/>) and
/// ignored; trailer fields are validated like header fields, count toward the header limits, and are skipped.
/// </summary>
internal struct ChunkedDecoder
{
    private State _state;
    private int _position;
    private long _remaining;
    private long _decoded;
    private int _trailerCount;
    private int _trailerBytes;

    private enum State : byte
    {
        Size,
        Data,
        DataEnd,
        Trailer,
        Done,
    }

    /// <summary>Where the decoded body ends, and the undecoded bytes begin (an index into the buffer).</summary>
    public readonly int Position => _position;

    /// <summary>Starts decoding a body whose first byte is at <paramref name="bodyStart"/>.</summary>
    public void Reset(int bodyStart) => this = new ChunkedDecoder { _position = bodyStart };

    /// <summary>The buffer moved by <paramref name="offset"/> bytes toward its start.</summary>
    public void Shift(int offset) => _position -= offset;

    /// <summary>
    /// Decodes what has arrived, up to <paramref name="filled"/>, which shrinks by the framing removed.
    /// <paramref name="complete"/> turns <see langword="true"/> after the last chunk and its trailer section;
    /// bytes after it (a pipelined request) then start at <see cref="Position"/>.
    /// </summary>
    public HttpError Decode(Span<byte> buffer, ref int filled, HttpLimits limits, out bool complete)
    {
        var write = _position;
        var read = _position;
        var error = HttpError.None;
        while (error == HttpError.None && _state != State.Done)
        {
            if (_state == State.Data)
            {
                var count = (int)Math.Min(_remaining, filled - read);
                if (count == 0)
                {
                    break;
                }

                buffer.Slice(read, count).CopyTo(buffer.Slice(write));
                read += count;
                write += count;
                _remaining -= count;
                if (_remaining == 0)
                {
                    _state = State.DataEnd;
                }

                continue;
            }

            if (_state == State.DataEnd)
            {
                if (filled - read < 2)
                {
                    break;
                }

                if (buffer[read] != '\r' || buffer[read + 1] != '\n')
                {
                    error = HttpError.InvalidChunk;
                    break;
                }

                read += 2;
                _state = State.Size;
                continue;
            }

            var lf = buffer.Slice(read, filled - read).IndexOf((byte)'\n');
            if (lf < 0)
            {
                error = _state == State.Size
                    ? (filled - read > limits.MaxChunkLineSize ? HttpError.InvalidChunk : HttpError.None)
                    : (_trailerBytes + filled - read > limits.MaxRequestHeadersTotalSize ? HttpError.HeadersTooLarge : HttpError.None);
                break;
            }

            error = _state == State.Size
                ? ReadSize(buffer.Slice(read, lf + 1), limits)
                : ReadTrailer(buffer.Slice(0, read + lf + 1), read, limits);
            read += lf + 1;
        }

        // Close the gap left by the framing: the undecoded bytes follow the body directly.
        if (read > write)
        {
            buffer.Slice(read, filled - read).CopyTo(buffer.Slice(write));
            filled -= read - write;
        }

        _position = write;
        complete = _state == State.Done;
        return error;
    }

    // chunk-size [ chunk-ext ] CRLF, with chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-value ] )
    private HttpError ReadSize(ReadOnlySpan<byte> line, HttpLimits limits)
    {
        if (line.Length > limits.MaxChunkLineSize)
        {
            return HttpError.InvalidChunk;
        }

        var i = 0;
        long size = 0;
        int digit;
        while ((digit = HttpChars.HexValue(line[i])) >= 0)
        {
            if (size > long.MaxValue >> 4)
            {
                return HttpError.InvalidChunk; // a size no 64-bit reader can hold is malformed framing, not a large body
            }

            size = (size << 4) | (uint)digit;
            i++;
        }

        if (i == 0 || !ReadExtensions(line, ref i) || i != line.Length - 2 || line[i] != '\r')
        {
            return HttpError.InvalidChunk;
        }

        if (size > limits.MaxRequestBodySize - _decoded)
        {
            return HttpError.BodyTooLarge; // a well-formed size that takes the body over the limit (RFC 9110 §15.5.14)
        }

        _decoded += size;
        _remaining = size;
        _state = size == 0 ? State.Trailer : State.Data;
        return HttpError.None;
    }

    // BWS is allowed only before a ';' (and around '='): "a \r\n" is not a chunk-size line.
    private static bool ReadExtensions(ReadOnlySpan<byte> line, ref int i)
    {
        while (true)
        {
            var beforeWhitespace = i;
            SkipWhitespace(line, ref i);
            if (line[i] != ';')
            {
                i = beforeWhitespace;
                return true;
            }

            i++;
            SkipWhitespace(line, ref i);
            if (!SkipToken(line, ref i))
            {
                return false;
            }

            var afterName = i;
            SkipWhitespace(line, ref i);
            if (line[i] != '=')
            {
                i = afterName;
                continue;
            }

            i++;
            SkipWhitespace(line, ref i);
            if (line[i] == '"' ? !SkipQuoted(line, ref i) : !SkipToken(line, ref i))
            {
                return false;
            }
        }
    }

    private static void SkipWhitespace(ReadOnlySpan<byte> line, ref int i)
    {
        while (HttpChars.IsWhitespace(line[i]))
        {
            i++;
        }
    }

    private static bool SkipToken(ReadOnlySpan<byte> line, ref int i)
    {
        var length = HttpChars.SkipToken(line, i) - i;
        i += length;
        return length > 0;
    }

    // quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
    private static bool SkipQuoted(ReadOnlySpan<byte> line, ref int i)
    {
        i++;
        while (i < line.Length)
        {
            var b = line[i];
            if (b == '"')
            {
                i++;
                return true;
            }

            if (b == '\\')
            {
                i++;
                if (i >= line.Length || !(HttpChars.IsVisible(line[i]) || HttpChars.IsWhitespace(line[i]) || line[i] >= 0x80))
                {
                    return false;
                }
            }
            else if (!(HttpChars.IsVisible(b) || HttpChars.IsWhitespace(b) || b >= 0x80))
            {
                return false;
            }

            i++;
        }

        return false;
    }

    // trailer-section = *( field-line CRLF ) CRLF
    private HttpError ReadTrailer(ReadOnlySpan<byte> buffer, int start, HttpLimits limits)
    {
        var lineLength = buffer.Length - start;
        if (lineLength == 2 && buffer[start] == '\r')
        {
            _state = State.Done;
            return HttpError.None;
        }

        if (buffer[start] is (byte)'\n' or (byte)'\r')
        {
            return HttpError.InvalidLineEnding;
        }

        if (HttpChars.IsWhitespace(buffer[start]))
        {
            return HttpError.ObsoleteLineFolding;
        }

        _trailerBytes += lineLength;
        if (++_trailerCount > limits.MaxRequestHeaderCount || _trailerBytes > limits.MaxRequestHeadersTotalSize)
        {
            return HttpError.HeadersTooLarge;
        }

        var pos = start;
        if (HttpRequestParser.TryReadField(buffer, ref pos, out _, out _, out _, out var error))
        {
            return HttpError.None;
        }

        // The line ends at its LF, so a field that ran out of bytes has no CRLF: a bad line ending.
        return error == HttpError.None ? HttpError.InvalidLineEnding : error;
    }
}
