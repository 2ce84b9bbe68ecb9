using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Plans how to tell many literals apart by words rather than byte by byte: group them by UTF-8 length; read a
/// value of one length as words (8-byte words from the start, the last one ending at the value's end and perhaps
/// overlapping the one before; 4-byte words below 8 bytes; single bytes below 4), so that every byte lies in some
/// word and equal words mean equal values; switch on the word with the most distinct values among the literals, and
/// compare every word. The switch is on the value's word with the 0x20 bit of every byte set (both cases of a letter
/// give the lower one); each word is then compared exactly, <c>(word | letters) == literal</c> with 0x20 in
/// <c>letters</c> where the literal has a letter (<c>Utf8Literal.Word</c>). The constants are the literals' words.
/// Past <c>threshold</c> keys, the keys of a length are cut into runs, each for a method of its own, found by a binary
/// search on the switch word.
/// </summary>
internal static class LiteralWords
{
    /// <summary>Plans <paramref name="literals"/> (lower case; a literal's position is its index), shortest first.</summary>
    public static IReadOnlyList<WordGroup> Plan(IReadOnlyList<string> literals, int threshold)
    {
        var entries = literals.Select((literal, i) => new WordEntry(literal, Encoding.UTF8.GetBytes(literal), i)).ToList();
        return entries
            .GroupBy(e => e.Bytes.Length)
            .OrderBy(g => g.Key)
            .Select(g => PlanLength(g.Key, g.ToList(), threshold))
            .ToList();
    }

    private static WordGroup PlanLength(int length, List<WordEntry> entries, int threshold)
    {
        var words = Layout(length).Select((w, j) => new Word("w" + j.ToString(CultureInfo.InvariantCulture), w.Offset, w.Size)).ToList();
        var key = words
            .OrderByDescending(w => entries.Select(e => e.Folded(w)).Distinct().Count())
            .First(); // the first of equally good ones: OrderBy is stable
        var keys = entries
            .GroupBy(e => e.Folded(key))
            .OrderBy(g => g.Key)
            .Select(g => new WordKey(g.Key, g.ToList()))
            .ToList();

        var runs = new List<List<WordKey>>();
        var count = (keys.Count + threshold - 1) / threshold;
        var size = (keys.Count + count - 1) / count;
        for (var first = 0; first < keys.Count; first += size)
        {
            runs.Add(keys.Skip(first).Take(size).ToList());
        }

        return new WordGroup(length, words, key, runs);
    }

    private static IEnumerable<(int Offset, int Size)> Layout(int length)
    {
        var size = length >= 8 ? 8 : length >= 4 ? 4 : 1;
        for (var offset = 0; offset + size <= length; offset += size)
        {
            yield return (offset, size);
        }

        if (length % size != 0)
        {
            yield return (length - size, size);
        }
    }
}

/// <summary>The literals of one length: the words a value is read as, the one switched on, and its values in runs.</summary>
internal sealed class WordGroup
{
    public WordGroup(int length, IReadOnlyList<Word> words, Word key, IReadOnlyList<List<WordKey>> runs)
    {
        Length = length;
        Words = words;
        Key = key;
        Runs = runs;
    }

    public int Length { get; }

    public IReadOnlyList<Word> Words { get; }

    /// <summary>The word switched on.</summary>
    public Word Key { get; }

    /// <summary>The values of <see cref="Key"/>, ascending, cut into runs of at most the threshold; one run when they fit.</summary>
    public IReadOnlyList<List<WordKey>> Runs { get; }
}

/// <summary>A word of a value: <c>Name</c> is its local, <c>Size</c> 8, 4 or 1 bytes.</summary>
internal sealed record Word(string Name, int Offset, int Size)
{
    /// <summary>0x20 in every byte: or-ed into a word, it maps <c>A</c>-<c>Z</c> to <c>a</c>-<c>z</c>.</summary>
    public ulong Fold => Size == 8 ? 0x2020202020202020ul : Size == 4 ? 0x20202020ul : 0x20ul;
}

/// <summary>One value of the switch word (folded: <see cref="Word.Fold"/> or-ed in) and the literals that have it.</summary>
internal sealed record WordKey(ulong Value, List<WordEntry> Entries);

/// <summary>A literal, its bytes and its position among all the literals planned.</summary>
internal sealed record WordEntry(string Literal, byte[] Bytes, int Position)
{
    /// <summary>The literal's word with <see cref="Word.Fold"/> or-ed in: what the switch compares.</summary>
    public ulong Folded(Word word) => Read(word) | word.Fold;

    /// <summary>0x20 in the bytes of the word where the literal has a letter: <c>(value | Letters) == Read</c> is an exact ASCII case-insensitive match.</summary>
    public ulong Letters(Word word)
    {
        ulong mask = 0;
        for (var i = 0; i < word.Size; i++)
        {
            var b = Bytes[word.Offset + i];
            mask |= (b >= (byte)'a' && b <= (byte)'z' ? 0x20ul : 0ul) << (8 * i);
        }

        return mask;
    }

    /// <summary>The little-endian word of the literal where <paramref name="word"/> lies.</summary>
    public ulong Read(Word word)
    {
        ulong value = 0;
        for (var i = word.Size - 1; i >= 0; i--)
        {
            value = (value << 8) | Bytes[word.Offset + i];
        }

        return value;
    }
}
