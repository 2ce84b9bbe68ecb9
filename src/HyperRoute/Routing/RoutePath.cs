using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HyperRoute.Routing;

/// <summary>
/// The path rules that every generated dispatcher shares: the leading and trailing <c>/</c>, the scan for and
/// decoding of escapes, and the walk from one segment to the next. See <c>docs/routing.md</c>.
/// </summary>
public static class RoutePath
{
    /// <summary><see langword="true"/> when <paramref name="path"/> starts with <c>/</c> (origin form); otherwise the request is a 400.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAbsolute(ReadOnlySpan<byte> path) => !path.IsEmpty && path[0] == (byte)'/';

    /// <summary>
    /// Drops one trailing <c>/</c> from an absolute path (<c>/users/</c> routes as <c>/users</c>; <c>/</c> stays).
    /// Generated dispatchers match routes with parameters on the result before any decoding: see
    /// <see cref="IsDecoded"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> TrimTrailingSlash(ReadOnlySpan<byte> path)
        => path.Length > 1 && path[path.Length - 1] == (byte)'/' ? path.Slice(0, path.Length - 1) : path;

    /// <summary>
    /// Decodes the percent-escapes of a path that <see cref="ContainsEscape"/> found some in, into
    /// <paramref name="buffer"/>; <c>%2F</c> stays encoded so that decoding cannot create segments.
    /// </summary>
    /// <returns>The decoded path; empty when <paramref name="problem"/> is <see cref="RouteProblem.MalformedPath"/>.</returns>
    public static ReadOnlySpan<byte> Decode(ReadOnlySpan<byte> path, scoped ref DecodeBuffer buffer, out RouteProblem problem)
    {
        var destination = buffer.Take(path.Length);
        if (!PercentEncoding.TryDecode(path, destination, plusIsSpace: false, keepEncodedSlash: true, out var written))
        {
            problem = RouteProblem.MalformedPath;
            return default;
        }

        problem = RouteProblem.None;
        return destination.Slice(0, written);
    }


    /// <summary>
    /// Whether a route value taken from the path can be used as it is: the path was already decoded
    /// (<paramref name="decoded"/>), or the value holds no <c>%</c>. Generated dispatchers match routes with
    /// parameters on the path as received first; a value that holds an escape fails that pass and is matched
    /// again, decoded, in the second pass. (Literal segments and typed values never match a <c>%</c>, so they
    /// need no such check: a route that matches the path as received matched a path without escapes.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDecoded(ReadOnlySpan<byte> value, bool decoded) => decoded || value.IndexOf((byte)'%') < 0;

    /// <summary>
    /// The bytes of <paramref name="path"/> from <paramref name="start"/> to <paramref name="end"/>: a segment whose
    /// end a generated dispatcher found; empty when the bounds do not fit the path. Unlike <c>Slice</c> it cannot
    /// throw, so when the segment goes unused (an <c>{x:int}</c> bound as the parsed number) the JIT drops it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> path, int start, int end)
        => (uint)end <= (uint)path.Length && (uint)start <= (uint)end
            ? MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(path), start), end - start)
            : default;

    /// <summary>
    /// The end of the segment that starts at <paramref name="start"/>: the index of the next <c>/</c> at or after
    /// it, or the length of the path. Generated dispatchers walk the path once, left to right, finding each
    /// segment only when a route needs it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SegmentEnd(ReadOnlySpan<byte> path, int start)
    {
        var slash = IndexOfSlash(path.Slice(start));
        return slash < 0 ? path.Length : start + slash;
    }

    /// <summary>
    /// Parses the segment that starts at <paramref name="start"/> as a 32-bit integer, reading the path once: the
    /// number must be the whole segment (<c>12a</c> and overflow are not). Returns the end of the segment (the index
    /// of the <c>/</c> after it, or the length of the path), or -1 when the segment is not an integer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Int32SegmentEnd(ReadOnlySpan<byte> path, int start, out int value)
    {
        // What Utf8Parser accepts for an int ('+' or '-', then ASCII digits, leading zeros allowed), read in place:
        // no call, and the digits are read once. The magnitude is kept in 64 bits and checked as it grows.
        value = 0;
        var i = start;
        if ((uint)i >= (uint)path.Length)
        {
            return -1;
        }

        var negative = path[i] == (byte)'-';
        if (negative || path[i] == (byte)'+')
        {
            i++;
        }

        var digits = i;
        ulong magnitude = 0;
        for (; (uint)i < (uint)path.Length; i++)
        {
            var digit = (uint)(path[i] - '0');
            if (digit > 9)
            {
                break;
            }

            magnitude = (magnitude * 10) + digit;
            if (magnitude > Int32Limit)
            {
                return -1; // overflow, however many digits follow
            }
        }

        if (i == digits || (i < path.Length && path[i] != (byte)'/') || magnitude > (negative ? Int32Limit : int.MaxValue))
        {
            return -1;
        }

        value = negative ? (int)(0 - magnitude) : (int)magnitude;
        return i;
    }

    // The magnitude of int.MinValue.
    private const ulong Int32Limit = 2147483648;

    /// <summary><see langword="true"/> when <paramref name="path"/> holds a <c>%</c>: it must be decoded before routing.</summary>
    /// <remarks>
    /// Short paths are read as machine words that may overlap (the last word ends at the last byte), without a byte
    /// loop: a 13-byte path is two 8-byte words.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ContainsEscape(ReadOnlySpan<byte> path)
    {
        if (path.Length > ShortPath)
        {
            return path.IndexOf((byte)'%') >= 0; // vectorized for long paths
        }

        if (path.Length >= sizeof(ulong))
        {
            ref var first = ref MemoryMarshal.GetReference(path);
            var last = path.Length - sizeof(ulong);
            var tail = ByteMask(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, last)), Percents);
            if (path.Length <= 2 * sizeof(ulong))
            {
                // Two words that may overlap, tested together: no branch on the bytes.
                return (ByteMask(Unsafe.ReadUnaligned<ulong>(ref first), Percents) | tail) != 0;
            }

            for (var i = 0; i < last; i += sizeof(ulong))
            {
                if (ByteMask(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i)), Percents) != 0)
                {
                    return true;
                }
            }

            return tail != 0;
        }

        if (path.Length >= sizeof(uint))
        {
            var words = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(path) << 32
                | BinaryPrimitives.ReadUInt32LittleEndian(path.Slice(path.Length - sizeof(uint)));
            return ByteMask(words, Percents) != 0;
        }

        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == (byte)'%')
            {
                return true;
            }
        }

        return false;
    }

    private const int ShortPath = 64;
    private const ulong Slashes = 0x2F2F2F2F2F2F2F2Ful;
    private const ulong Percents = 0x2525252525252525ul;
    private const ulong Low7 = 0x7F7F7F7F7F7F7F7Ful;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SlashMask(ulong word) => ByteMask(word, Slashes);

    // The high bit of each byte of the result is set exactly where that byte of the word equals the byte
    // repeated in 'pattern' (no false positives from borrows: the low seven bits are added without carrying
    // across bytes).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ByteMask(ulong word, ulong pattern)
    {
        var x = word ^ pattern;
        var t = (x & Low7) + Low7;
        return ~(t | x | Low7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfSlash(ReadOnlySpan<byte> rest)
    {
        var i = 0;
        for (; i + sizeof(ulong) <= rest.Length; i += sizeof(ulong))
        {
            var mask = SlashMask(BinaryPrimitives.ReadUInt64LittleEndian(rest.Slice(i)));
            if (mask != 0)
            {
                return i + (BitOperations.TrailingZeroCount(mask) >> 3);
            }
        }

        for (; i < rest.Length; i++)
        {
            if (rest[i] == (byte)'/')
            {
                return i;
            }
        }

        return -1;
    }
}
