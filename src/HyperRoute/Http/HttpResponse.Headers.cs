using System;
using HyperRoute.Http.Parsing;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>The headers a handler or a response transform sets: validated, replaced or added, read back.</summary>
public sealed partial class HttpResponse
{
    /// <summary>
    /// Sets a header, replacing any earlier value of the same name (ASCII case-insensitive).
    /// <paramref name="name"/> must be a token and <paramref name="value"/> must hold no control characters (CR
    /// and LF in particular: no header injection). <c>Content-Length</c>, <c>Transfer-Encoding</c>,
    /// <c>Connection</c>, <c>Date</c> and <c>Server</c> belong to the server.
    /// </summary>
    public void SetHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        CheckHeader(name, value);
        RemoveHeader(name);
        AppendHeader(name, value);
    }

    /// <summary>Adds a header line even when one of the same name exists (<c>Set-Cookie</c>, say); same rules as <see cref="SetHeader"/>.</summary>
    public void AddHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        CheckHeader(name, value);
        AppendHeader(name, value);
    }

    /// <summary>The value of the first header named <paramref name="name"/> set so far; <see langword="false"/> when there is none.</summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var line = FindHeader(name, out var length);
        if (line < 0)
        {
            value = default;
            return false;
        }

        value = _headers.Written.Slice(line + name.Length + 2, length - name.Length - 4);
        return true;
    }

    /// <summary>Removes every header named <paramref name="name"/> set so far; <see langword="true"/> when there was one.</summary>
    public bool RemoveHeader(ReadOnlySpan<byte> name)
    {
        var removed = false;
        int line;
        while ((line = FindHeader(name, out var length)) >= 0)
        {
            _headers.Remove(line, length);
            removed = true;
        }

        return removed;
    }

    private void CheckHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (name.IsEmpty || HttpChars.SkipToken(name, 0) != name.Length)
        {
            throw new ArgumentException("A header name must be a non-empty token (letters, digits and !#$%&'*+-.^_`|~).", nameof(name));
        }

        if (!HttpChars.IsFieldValue(value))
        {
            throw new ArgumentException("A header value cannot contain control characters such as CR or LF.", nameof(value));
        }

        if (IsServerHeader(name))
        {
            throw new ArgumentException($"The server writes the {System.Text.Encoding.ASCII.GetString(name)} header itself.", nameof(name));
        }

        if (_headWritten)
        {
            throw new InvalidOperationException("Headers cannot be changed after the response head was sent (a chunk was flushed).");
        }
    }

    private void AppendHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var line = _headers.GetSpan(name.Length + value.Length + 4);
        name.CopyTo(line);
        line[name.Length] = (byte)':';
        line[name.Length + 1] = (byte)' ';
        value.CopyTo(line.Slice(name.Length + 2));
        line[name.Length + 2 + value.Length] = (byte)'\r';
        line[name.Length + 3 + value.Length] = (byte)'\n';
        _headers.Advance(name.Length + value.Length + 4);
    }

    // The offset of the first "name: value\r\n" line with this name, and its length; -1 when none.
    private int FindHeader(ReadOnlySpan<byte> name, out int length)
    {
        var headers = _headers.Written;
        var start = 0;
        while (start < headers.Length)
        {
            var end = start + headers.Slice(start).IndexOf("\r\n"u8) + 2;
            var line = headers.Slice(start, end - start);
            if (line.Length > name.Length && line[name.Length] == ':' && Utf8Literal.EqualsIgnoreCase(line.Slice(0, name.Length), name))
            {
                length = end - start;
                return start;
            }

            start = end;
        }

        length = 0;
        return -1;
    }

    private static bool IsServerHeader(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 => Utf8Literal.EqualsLower(name, "date"u8),
        6 => Utf8Literal.EqualsLower(name, "server"u8),
        10 => Utf8Literal.EqualsLower(name, "connection"u8),
        14 => Utf8Literal.EqualsLower(name, "content-length"u8),
        17 => Utf8Literal.EqualsLower(name, "transfer-encoding"u8),
        _ => false,
    };
}
