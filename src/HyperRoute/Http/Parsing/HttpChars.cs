using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HyperRoute.Http.Parsing;

/// <summary>The character classes of RFC 9110 and RFC 9112 the parser checks, as tables and vectorised searches.</summary>
internal static class HttpChars
{
    private const string TokenChars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // tchar, one byte per value (1 for a token byte): methods, header names, transfer codings and chunk-extension
    // names are short, so a table walk beats a vector search.
    private static readonly byte[] s_tokenTable = CreateTokenTable();

    /// <summary>The index of the first byte at or after <paramref name="start"/> that is not a <c>tchar</c>; the buffer's length when all are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipToken(ReadOnlySpan<byte> buffer, int start)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(s_tokenTable);
        var i = start;
        while ((uint)i < (uint)buffer.Length && Unsafe.Add(ref table, buffer[i]) != 0)
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// The index of the first control byte (below 0x20, horizontal tab included) or DEL in <paramref name="bytes"/>,
    /// or -1: the end of a field value (its CR) and any forbidden byte before it, 32 or 16 bytes per step.
    /// </summary>
    public static int IndexOfControl(ReadOnlySpan<byte> bytes)
    {
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var length = bytes.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var space = Vector256.Create((byte)0x20);
            var delete = Vector256.Create((byte)0x7F);
            for (; i + Vector256<byte>.Count <= length; i += Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref start, (nuint)i);
                var hits = Vector256.LessThan(block, space) | Vector256.Equals(block, delete);
                if (hits != Vector256<byte>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((byte)0x20);
            var delete = Vector128.Create((byte)0x7F);
            for (; i + Vector128<byte>.Count <= length; i += Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref start, (nuint)i);
                var hits = Vector128.LessThan(block, space) | Vector128.Equals(block, delete);
                if (hits != Vector128<byte>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
                }
            }
        }

        for (; i < length; i++)
        {
            var b = Unsafe.Add(ref start, i);
            if (b < 0x20 || b == 0x7F)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><see langword="true"/> when <paramref name="value"/> can be a field value: no control bytes other than horizontal tab, no DEL.</summary>
    public static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        while (true)
        {
            var found = IndexOfControl(value);
            if (found < 0)
            {
                return true;
            }

            if (value[found] != '\t')
            {
                return false;
            }

            value = value.Slice(found + 1);
        }
    }

    /// <summary><c>DIGIT</c>.</summary>
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary><c>SP</c> or <c>HTAB</c>: optional whitespace.</summary>
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>A visible ASCII byte: what a request target is made of.</summary>
    public static bool IsVisible(byte b) => (uint)(b - 0x21) <= 0x7E - 0x21;

    /// <summary>The value of a hex digit, or -1.</summary>
    public static int HexValue(byte b)
    {
        if ((uint)(b - '0') <= 9)
        {
            return b - '0';
        }

        var lower = (uint)((b | 0x20) - 'a');
        return lower <= 5 ? (int)lower + 10 : -1;
    }

    private static byte[] CreateTokenTable()
    {
        var table = new byte[256];
        foreach (var c in TokenChars)
        {
            table[c] = 1;
        }

        return table;
    }
}
