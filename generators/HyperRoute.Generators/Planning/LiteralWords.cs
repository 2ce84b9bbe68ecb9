using System.Collections.Generic;

namespace HyperRoute.Generators.Planning;

/// <summary>
/// How a value of one length is read as words to compare it with literals of that length: 8-byte words from the
/// start, the last one ending at the value's end (it may overlap the one before); 4-byte words below 8 bytes; single
/// bytes below 4. Every byte lies in some word, so equal words mean equal values. The runtime reads the value's
/// words ASCII-lower-cased (<c>Utf8Literal.LowerWord</c>); a literal's words, lower case already, are constants.
/// </summary>
internal static class LiteralWords
{
    /// <summary>Where the words of a value of <paramref name="length"/> bytes lie, and their size (8, 4 or 1).</summary>
    public static IReadOnlyList<(int Offset, int Size)> Layout(int length)
    {
        var words = new List<(int Offset, int Size)>();
        var size = length >= 8 ? 8 : length >= 4 ? 4 : 1;
        for (var offset = 0; offset + size <= length; offset += size)
        {
            words.Add((offset, size));
        }

        if (length % size != 0)
        {
            words.Add((length - size, size));
        }

        return words;
    }

    /// <summary>The little-endian word of <paramref name="size"/> bytes at <paramref name="offset"/>.</summary>
    public static ulong Read(byte[] bytes, int offset, int size)
    {
        ulong word = 0;
        for (var i = size - 1; i >= 0; i--)
        {
            word = (word << 8) | bytes[offset + i];
        }

        return word;
    }
}
