using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace HyperRoute.Routing;

/// <summary>
/// Comparisons of request bytes against route literals, ASCII case-insensitive (route literals match as
/// ASP.NET Core's do: <c>/Users</c> matches <c>/users</c>). Bytes outside ASCII compare exactly.
/// </summary>
public static class Utf8Literal
{
    /// <summary>Lower-cases one ASCII letter; every other byte is returned as it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Lower(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;

    /// <summary>
    /// <see langword="true"/> when <paramref name="value"/> equals <paramref name="literal"/> ignoring ASCII
    /// case. <paramref name="literal"/> must be lower case (the generator emits it so). Short literals compare
    /// as one or two machine words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsLower(ReadOnlySpan<byte> value, ReadOnlySpan<byte> literal)
    {
        if (value.Length != literal.Length)
        {
            return false;
        }

        switch (literal.Length)
        {
            case 0:
                return true;
            case 1:
                return Lower(value[0]) == literal[0];
            case 2:
            case 3:
                return Lower(value[0]) == literal[0]
                    && Lower(value[1]) == literal[1]
                    && Lower(value[literal.Length - 1]) == literal[literal.Length - 1];
            case 4:
            case 5:
            case 6:
            case 7:
                return LowerWord32(value, 0) == BinaryPrimitives.ReadUInt32LittleEndian(literal)
                    && LowerWord32(value, literal.Length - 4) == BinaryPrimitives.ReadUInt32LittleEndian(literal.Slice(literal.Length - 4));
            default:
                for (var i = 0; i + 8 <= literal.Length; i += 8)
                {
                    if (LowerWord64(value, i) != BinaryPrimitives.ReadUInt64LittleEndian(literal.Slice(i)))
                    {
                        return false;
                    }
                }

                return LowerWord64(value, literal.Length - 8) == BinaryPrimitives.ReadUInt64LittleEndian(literal.Slice(literal.Length - 8));
        }
    }

    /// <summary>
    /// The comparison of <see cref="EqualsLower"/>, compiled once and called rather than inlined. A generated method
    /// that tells many literals apart (of which one comparison runs per request) uses it, so that it stays small and
    /// the JIT keeps its budget for inlining what runs on every request.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool EqualsLowerOutOfLine(ReadOnlySpan<byte> value, ReadOnlySpan<byte> literal) => EqualsLower(value, literal);

    /// <summary><see langword="true"/> when the two spans are equal ignoring ASCII case (any case on either side).</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (Lower(left[i]) != Lower(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The 8 bytes of <paramref name="value"/> from <paramref name="offset"/> as a little-endian word, ASCII letters
    /// lower-cased (bytes outside ASCII as they are). A generated method that tells many literals of one length apart
    /// reads the value as such words once and compares them with the literals' words, which it holds as constants:
    /// equal words are <see cref="EqualsLower"/> exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LowerWord(ReadOnlySpan<byte> value, int offset) => LowerWord64(value, offset);

    /// <summary>The 4 bytes of <paramref name="value"/> from <paramref name="offset"/>, as <see cref="LowerWord"/> reads 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LowerHalfWord(ReadOnlySpan<byte> value, int offset) => LowerWord32(value, offset);

    // Lower-cases the ASCII letters of a little-endian word with SWAR: a byte gets 0x20 when it lies in 'A'..'Z'.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LowerWord32(ReadOnlySpan<byte> value, int offset)
    {
        var word = BinaryPrimitives.ReadUInt32LittleEndian(value.Slice(offset));
        var ascii = ~word & 0x80808080u;
        var low = word & 0x7F7F7F7Fu;      // no byte can carry into its neighbour below
        var aboveA = low + 0x3F3F3F3Fu;    // high bit set where byte >= 'A' (0x41)
        var aboveZ = low + 0x25252525u;    // high bit set where byte >  'Z' (0x5A)
        var upper = ascii & aboveA & ~aboveZ & 0x80808080u;
        return word | (upper >> 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowerWord64(ReadOnlySpan<byte> value, int offset)
    {
        var word = BinaryPrimitives.ReadUInt64LittleEndian(value.Slice(offset));
        var ascii = ~word & 0x8080808080808080ul;
        var low = word & 0x7F7F7F7F7F7F7F7Ful;
        var aboveA = low + 0x3F3F3F3F3F3F3F3Ful;
        var aboveZ = low + 0x2525252525252525ul;
        var upper = ascii & aboveA & ~aboveZ & 0x8080808080808080ul;
        return word | (upper >> 2);
    }
}
