using System;

namespace HyperRoute.Http;

/// <summary>Headers the router does not bind, found by scanning the request head (for protocol handshakes, not hot paths).</summary>
public sealed partial class HttpRequest
{
    /// <summary>
    /// The value of the first header named <paramref name="name"/> (ASCII, case-insensitive), found by scanning the
    /// request head, without its surrounding whitespace; <see langword="false"/> when the request has none. A
    /// route that reads a header on every request binds it with <c>[Header]</c> instead, which costs no scan.
    /// </summary>
    public bool TryFindHeader(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var lines = new HeaderLines(RawHead);
        while (lines.MoveNext(out var fieldName, out var fieldValue))
        {
            if (fieldName.Length == name.Length && System.Text.Ascii.EqualsIgnoreCase(fieldName, name))
            {
                value = fieldValue;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The header fields of a parsed (so well-formed) head, one at a time.</summary>
    internal ref struct HeaderLines(ReadOnlySpan<byte> head)
    {
        private ReadOnlySpan<byte> _rest = head.Slice(Math.Max(0, head.IndexOf((byte)'\n') + 1));

        public bool MoveNext(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
        {
            while (!_rest.IsEmpty)
            {
                var end = _rest.IndexOf((byte)'\n');
                var line = end < 0 ? _rest : _rest.Slice(0, end);
                _rest = end < 0 ? default : _rest.Slice(end + 1);
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    continue; // the empty line that ends the head
                }

                name = line.Slice(0, colon);
                value = line.Slice(colon + 1).Trim(" \t\r"u8);
                return true;
            }

            name = value = default;
            return false;
        }
    }
}
