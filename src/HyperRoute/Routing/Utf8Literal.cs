using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// case. <paramref name="literal"/> must be lower case (the generator emits it so). Literals of up to 16 bytes
    /// compare as one or two (overlapping) machine words, without a loop.
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
                return Matches32(value, 0, literal) && Matches32(value, literal.Length - 4, literal);
            case 8:
            case 9:
            case 10:
            case 11:
            case 12:
            case 13:
            case 14:
            case 15:
            case 16:
                return Matches64(value, 0, literal) && Matches64(value, literal.Length - 8, literal);
            default:
                for (var i = 0; i + 8 <= literal.Length; i += 8)
                {
                    if (!Matches64(value, i, literal))
                    {
                        return false;
                    }
                }

                return Matches64(value, literal.Length - 8, literal);
        }
    }

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
    /// <see langword="true"/> when the segment of <paramref name="path"/> that starts at <paramref name="start"/> is
    /// <paramref name="literal"/> ignoring ASCII case: the bytes there equal it and the path ends or a <c>/</c> follows.
    /// The segment's end is then <c>start + literal.Length</c>, known without a scan for the next <c>/</c>. The literal
    /// may hold several segments (<c>api/v1</c>): a <c>/</c> in it matches only a <c>/</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSegment(ReadOnlySpan<byte> path, int start, ReadOnlySpan<byte> literal)
    {
        var end = start + literal.Length;
        if ((uint)end > (uint)path.Length || (end < path.Length && path[end] != (byte)'/'))
        {
            return false;
        }

        return EqualsLower(path.Slice(start, literal.Length), literal);
    }

    /// <summary>
    /// The 8 bytes of <paramref name="value"/> from <paramref name="offset"/> as a little-endian word. A generated method
    /// that tells many literals of one length apart reads the value as such words once, switches on one of them with
    /// every byte's 0x20 bit set (which maps <c>A</c>-<c>Z</c> to <c>a</c>-<c>z</c>, so both cases of a literal land in its
    /// case), then compares each word exactly as <see cref="EqualsLower"/> would: <c>(word | letters) == literal</c>,
    /// where <c>letters</c> has 0x20 in the bytes where the literal has a letter (a byte matches <c>a</c> that way only
    /// when it is <c>a</c> or <c>A</c>; every other byte must be equal).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Word(ReadOnlySpan<byte> value, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(value.Slice(offset));

    /// <summary>The 4 bytes of <paramref name="value"/> from <paramref name="offset"/>, as <see cref="Word"/> reads 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HalfWord(ReadOnlySpan<byte> value, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(value.Slice(offset));

    // The 4 bytes of value at offset equal the literal's, letters in either case: the value's word with 0x20 or-ed into
    // the bytes where the literal has a letter equals the literal's word (a byte matches 'a' so only when it is 'a' or
    // 'A'; every other byte must be equal). For a literal the JIT sees as constant, the mask is a constant too.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Matches32(ReadOnlySpan<byte> value, int offset, ReadOnlySpan<byte> literal)
    {
        var expected = LiteralWord32(literal, offset);
        return (BinaryPrimitives.ReadUInt32LittleEndian(value.Slice(offset)) | Letters32(expected)) == expected;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Matches64(ReadOnlySpan<byte> value, int offset, ReadOnlySpan<byte> literal)
    {
        var expected = LiteralWord64(literal, offset);
        return (BinaryPrimitives.ReadUInt64LittleEndian(value.Slice(offset)) | Letters64(expected)) == expected;
    }

    // A word of the literal, little-endian. Read without Slice, so that the JIT folds it (and the mask computed from it) to
    // a constant when the literal is a "..."u8 constant; the callers keep offset + size within the literal.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LiteralWord32(ReadOnlySpan<byte> literal, int offset)
    {
        var word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(literal), offset));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LiteralWord64(ReadOnlySpan<byte> literal, int offset)
    {
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(literal), offset));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    // 0x20 in each byte of a little-endian word that lies in 'a'..'z', with SWAR (no carry crosses a byte: the low seven
    // bits plus 0x1F stay below 0x100).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Letters32(uint word)
    {
        var low = word & 0x7F7F7F7Fu;
        var atLeastA = low + 0x1F1F1F1Fu; // high bit set where byte >= 'a' (0x61)
        var aboveZ = low + 0x05050505u;   // high bit set where byte >  'z' (0x7A)
        return (atLeastA & ~aboveZ & ~word & 0x80808080u) >> 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Letters64(ulong word)
    {
        var low = word & 0x7F7F7F7F7F7F7F7Ful;
        var atLeastA = low + 0x1F1F1F1F1F1F1F1Ful;
        var aboveZ = low + 0x0505050505050505ul;
        return (atLeastA & ~aboveZ & ~word & 0x8080808080808080ul) >> 2;
    }
}
