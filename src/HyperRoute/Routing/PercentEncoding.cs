using System;
using System.Runtime.CompilerServices;

namespace HyperRoute.Routing;

/// <summary>Percent-decoding (RFC 3986 §2.1) of UTF-8 bytes into a caller-provided span.</summary>
public static class PercentEncoding
{
    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/> (at least as long as the source).
    /// </summary>
    /// <param name="source">The encoded bytes.</param>
    /// <param name="destination">Receives the decoded bytes.</param>
    /// <param name="plusIsSpace">Decode <c>+</c> as a space (query strings, <c>application/x-www-form-urlencoded</c>).</param>
    /// <param name="keepEncodedSlash">Leave <c>%2F</c> encoded, so that a decoded path cannot gain separators.</param>
    /// <param name="written">The number of bytes written.</param>
    /// <returns>
    /// <see langword="false"/> for a truncated or non-hexadecimal escape, an escaped NUL, or a result that is
    /// not valid UTF-8.
    /// </returns>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, bool plusIsSpace, bool keepEncodedSlash, out int written)
    {
        var w = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b == (byte)'%')
            {
                if (i + 2 >= source.Length)
                {
                    written = 0;
                    return false;
                }

                var hi = HexValue(source[i + 1]);
                var lo = HexValue(source[i + 2]);
                if ((hi | lo) < 0)
                {
                    written = 0;
                    return false;
                }

                var decoded = (byte)((hi << 4) | lo);
                if (decoded == 0)
                {
                    written = 0;
                    return false;
                }

                if (decoded == (byte)'/' && keepEncodedSlash)
                {
                    destination[w++] = b;
                    destination[w++] = source[i + 1];
                    destination[w++] = source[i + 2];
                }
                else
                {
                    destination[w++] = decoded;
                }

                i += 2;
            }
            else if (b == (byte)'+' && plusIsSpace)
            {
                destination[w++] = (byte)' ';
            }
            else
            {
                destination[w++] = b;
            }
        }

        written = w;
        return System.Text.Unicode.Utf8.IsValid(destination.Slice(0, w));
    }

    /// <summary><see langword="true"/> when <paramref name="value"/> needs decoding: it holds <c>%</c> (or <c>+</c> when <paramref name="plusIsSpace"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NeedsDecoding(ReadOnlySpan<byte> value, bool plusIsSpace)
        => plusIsSpace ? value.IndexOfAny((byte)'%', (byte)'+') >= 0 : value.IndexOf((byte)'%') >= 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HexValue(byte b)
    {
        var digit = (uint)(b - '0');
        if (digit <= 9)
        {
            return (int)digit;
        }

        var letter = (uint)((b | 0x20) - 'a');
        return letter <= 5 ? (int)letter + 10 : -1;
    }
}
