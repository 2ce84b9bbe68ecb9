using System;
using HyperRoute.Routing;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// Walks <c>name: value CRLF</c> lines of a head that has already been validated (each line ends in CRLF, the name
/// is a token followed directly by a colon); the value comes trimmed of surrounding spaces and tabs. Stops at the
/// empty line or the end.
/// </summary>
internal ref struct HeaderLines(ReadOnlySpan<byte> fields)
{
    private ReadOnlySpan<byte> _rest = fields;

    public ReadOnlySpan<byte> Name;
    public ReadOnlySpan<byte> Value;

    public bool MoveNext()
    {
        var end = _rest.IndexOf("\r\n"u8);
        if (end <= 0)
        {
            return false; // the empty line (or nothing left)
        }

        var line = _rest.Slice(0, end);
        _rest = _rest.Slice(end + 2);
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false; // not a field line: the head ends here (the server's parser never lets one through)
        }

        Name = line.Slice(0, colon);
        Value = line.Slice(colon + 1).Trim(" \t"u8);
        return true;
    }
}

/// <summary>The header rules of a proxy (RFC 9110 §7.6.1): which fields are hop-by-hop and never passed on.</summary>
internal static class HopByHop
{
    /// <summary>
    /// Whether <paramref name="name"/> belongs to this hop only: <c>Connection</c>, <c>Keep-Alive</c>,
    /// <c>Proxy-*</c> (<c>Proxy-Connection</c>, <c>Proxy-Authorization</c>…), <c>TE</c>, <c>Transfer-Encoding</c>,
    /// <c>Upgrade</c>, <c>Trailer</c> (the proxy re-frames the body and sends no trailers), or a name listed in a
    /// <c>Connection</c> field of <paramref name="fields"/>.
    /// </summary>
    public static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> fields, bool hasConnection)
    {
        switch (name.Length)
        {
            case 2 when Utf8Literal.EqualsIgnoreCase(name, "TE"u8):
            case 7 when Utf8Literal.EqualsIgnoreCase(name, "Upgrade"u8) || Utf8Literal.EqualsIgnoreCase(name, "Trailer"u8):
            case 10 when Utf8Literal.EqualsIgnoreCase(name, "Connection"u8) || Utf8Literal.EqualsIgnoreCase(name, "Keep-Alive"u8):
            case 17 when Utf8Literal.EqualsIgnoreCase(name, "Transfer-Encoding"u8):
                return true;
        }

        if (name.Length > 6 && Utf8Literal.EqualsIgnoreCase(name.Slice(0, 6), "Proxy-"u8))
        {
            return true;
        }

        return hasConnection && IsNamedByConnection(name, fields);
    }

    /// <summary>Whether a <c>Connection</c> field of <paramref name="fields"/> lists <paramref name="option"/> (ASCII case-insensitive).</summary>
    public static bool IsNamedByConnection(ReadOnlySpan<byte> option, ReadOnlySpan<byte> fields)
    {
        var lines = new HeaderLines(fields);
        while (lines.MoveNext())
        {
            if (lines.Name.Length == 10 && Utf8Literal.EqualsIgnoreCase(lines.Name, "Connection"u8) && ListContains(lines.Value, option))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the comma-separated list <paramref name="list"/> holds <paramref name="token"/> (ASCII case-insensitive).</summary>
    public static bool ListContains(ReadOnlySpan<byte> list, ReadOnlySpan<byte> token)
    {
        while (!list.IsEmpty)
        {
            var comma = list.IndexOf((byte)',');
            var item = (comma < 0 ? list : list.Slice(0, comma)).Trim(" \t"u8);
            if (Utf8Literal.EqualsIgnoreCase(item, token))
            {
                return true;
            }

            list = comma < 0 ? default : list.Slice(comma + 1);
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> equals <paramref name="known"/> (ASCII case-insensitive).</summary>
    public static bool NameIs(ReadOnlySpan<byte> name, ReadOnlySpan<byte> known)
        => name.Length == known.Length && Utf8Literal.EqualsIgnoreCase(name, known);
}
