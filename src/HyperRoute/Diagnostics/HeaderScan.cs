using System;

namespace HyperRoute.Diagnostics;

/// <summary>
/// Finds a header in a request head the parser already accepted (well-formed lines, no folding), for the headers
/// telemetry reads only when a listener is attached (<c>traceparent</c>, <c>tracestate</c>, <c>user-agent</c>): the
/// parser keeps only the headers routes bind, so these are looked up in the raw bytes instead, at no cost otherwise.
/// </summary>
internal static class HeaderScan
{
    /// <summary>The value of the first header named <paramref name="lowerName"/> (ASCII, lower case), trimmed of whitespace.</summary>
    public static bool TryFind(ReadOnlySpan<byte> head, ReadOnlySpan<byte> lowerName, out ReadOnlySpan<byte> value)
    {
        value = default;
        var lineEnd = head.IndexOf((byte)'\n');
        if (lineEnd < 0)
        {
            return false;
        }

        var rest = head.Slice(lineEnd + 1); // past the request line
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf((byte)'\n');
            var line = lineEnd < 0 ? rest : rest.Slice(0, lineEnd);
            rest = lineEnd < 0 ? default : rest.Slice(lineEnd + 1);
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line.Slice(0, line.Length - 1);
            }

            if (line.IsEmpty)
            {
                return false; // the end of the head
            }

            var colon = line.IndexOf((byte)':');
            if (colon == lowerName.Length && Routing.Utf8Literal.EqualsLower(line.Slice(0, colon), lowerName))
            {
                value = line.Slice(colon + 1).Trim(" \t"u8);
                return true;
            }
        }

        return false;
    }
}
