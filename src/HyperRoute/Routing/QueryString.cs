using System;

namespace HyperRoute.Routing;

/// <summary>Finds parameters in a query string (<c>a=1&amp;b=2</c>, without the <c>?</c>) without splitting it.</summary>
public static class QueryString
{
    /// <summary>
    /// Finds the first <c>name=value</c> pair whose name equals <paramref name="name"/> (ASCII
    /// case-insensitive, compared as written in the request) and decodes its value (<c>%XX</c> and
    /// <c>+</c> as space) into <paramref name="buffer"/> when it needs decoding. A bare <c>name</c> with no
    /// <c>=</c> has an empty value.
    /// </summary>
    public static QueryLookup TryGetValue(ReadOnlySpan<byte> query, ReadOnlySpan<byte> name, scoped ref DecodeBuffer buffer, out ReadOnlySpan<byte> value)
    {
        while (!query.IsEmpty)
        {
            var amp = query.IndexOf((byte)'&');
            var pair = amp < 0 ? query : query.Slice(0, amp);
            query = amp < 0 ? default : query.Slice(amp + 1);

            var eq = pair.IndexOf((byte)'=');
            var key = eq < 0 ? pair : pair.Slice(0, eq);
            if (!Utf8Literal.EqualsIgnoreCase(key, name))
            {
                continue;
            }

            var raw = eq < 0 ? default : pair.Slice(eq + 1);
            if (!PercentEncoding.NeedsDecoding(raw, plusIsSpace: true))
            {
                value = raw;
                return QueryLookup.Found;
            }

            var destination = buffer.Take(raw.Length);
            if (!PercentEncoding.TryDecode(raw, destination, plusIsSpace: true, keepEncodedSlash: false, out var written))
            {
                value = default;
                return QueryLookup.Malformed;
            }

            value = destination.Slice(0, written);
            return QueryLookup.Found;
        }

        value = default;
        return QueryLookup.Missing;
    }
}
