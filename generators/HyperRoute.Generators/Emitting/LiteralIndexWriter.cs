using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HyperRoute.Generators.Planning;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Writes a method that tells which of many literals a value is: its position among them in ordinal order, or -1.
/// The dispatcher calls it where many literals lead on alike, then matches the rest once and switches on the
/// position only where routes end. It switches on the value's length, reads the value as lower-cased words once
/// (<see cref="LiteralWords"/>), switches on the word that tells the most literals of that length apart, and compares
/// the other words with the candidate's: no byte-by-byte walk, no call per comparison. Past <see cref="Threshold"/>
/// keys, a binary search over the switch word picks a method of its own for each run of keys.
/// </summary>
internal static class LiteralIndexWriter
{
    /// <summary>The most keys one switch over a word holds.</summary>
    public const int Threshold = 64;

    private const string Literal = "global::HyperRoute.Routing.Utf8Literal";
    private const string Span = "global::System.ReadOnlySpan<byte>";

    /// <summary>Writes the method (and its parts) into <paramref name="methods"/>; returns its name.</summary>
    /// <param name="value">The name of the value parameter, as at the call site (<c>s2</c>, <c>path</c>).</param>
    /// <param name="literals">The lower-case literals, in ordinal order: a literal's position is its index.</param>
    public static string Write(GeneratedMethods methods, string value, IReadOnlyList<string> literals)
    {
        var entries = literals.Select((literal, i) => new Entry(literal, Encoding.UTF8.GetBytes(literal), i)).ToList();
        var lengths = entries.GroupBy(e => e.Bytes.Length).OrderBy(g => g.Key).ToList();

        var name = methods.NextPartName();
        var writer = new SourceWriter(methods.Indent);
        writer.Line();
        writer.Line($"/// <summary>Part of <see cref=\"{methods.BaseName}\"/>: {CSharpLiterals.Xml($"the position of {value} among {literals.Count} literals from \"{literals[0]}\" to \"{literals[literals.Count - 1]}\", or -1")}.</summary>");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Line($"private static int {name}({Span} {value})");
        using (writer.Braces())
        {
            if (lengths.Count == 1)
            {
                writer.Line($"if ({value}.Length == {CSharpLiterals.Number(lengths[0].Key)})");
                using (writer.Braces())
                {
                    WriteLength(methods, writer, value, lengths[0].ToList());
                }
            }
            else
            {
                writer.Line($"switch ({value}.Length)");
                using (writer.Braces())
                {
                    foreach (var length in lengths)
                    {
                        writer.Line($"case {CSharpLiterals.Number(length.Key)}:");
                        using (writer.Indent())
                        using (writer.Braces())
                        {
                            if (!WriteLength(methods, writer, value, length.ToList()))
                            {
                                writer.Line("break;");
                            }
                        }
                    }
                }
            }

            writer.Line();
            writer.Line("return -1;");
        }

        methods.Parts.Add(writer);
        return name;
    }

    // The literals of one length: read the value's words, switch on the one that tells the most literals apart.
    // Returns true when the code written always returns (a search over parts).
    private static bool WriteLength(GeneratedMethods methods, SourceWriter writer, string value, List<Entry> entries)
    {
        var length = entries[0].Bytes.Length;
        var layout = LiteralWords.Layout(length);
        var words = layout.Select((w, j) => new Word("w" + j.ToString(CultureInfo.InvariantCulture), w.Offset, w.Size)).ToList();
        foreach (var word in words)
        {
            var read = word.Size switch
            {
                8 => $"{Literal}.LowerWord({value}, {word.Offset})",
                4 => $"{Literal}.LowerHalfWord({value}, {word.Offset})",
                _ => $"{Literal}.Lower({value}[{word.Offset}])",
            };
            var bytes = word.Size == 1 ? $"byte {word.Offset}" : $"bytes {word.Offset} to {word.Offset + word.Size - 1}";
            writer.Line($"var {word.Name} = {read}; // {bytes}, lower-cased");
        }

        var key = Enumerable.Range(0, words.Count)
            .OrderByDescending(j => entries.Select(e => e.Word(words[j])).Distinct().Count())
            .ThenBy(j => j)
            .First();
        var keys = entries
            .GroupBy(e => e.Word(words[key]))
            .OrderBy(g => g.Key)
            .Select(g => new Key(g.Key, g.ToList()))
            .ToList();
        var cases = new Cases(words, key);
        if (keys.Count <= Threshold)
        {
            cases.WriteSwitch(writer, keys);
            return false;
        }

        var chunkCount = (keys.Count + Threshold - 1) / Threshold;
        var chunkSize = (keys.Count + chunkCount - 1) / chunkCount;
        var chunks = Enumerable.Range(0, chunkCount)
            .Select(c => keys.Skip(c * chunkSize).Take(chunkSize).ToList())
            .Where(c => c.Count > 0)
            .ToList();
        var parts = chunks.Select(chunk => WritePart(methods, value, cases, chunk)).ToList();
        WriteSearch(writer, cases, chunks, parts, 0, chunks.Count - 1);
        return true;
    }

    // A binary search over the runs of keys, by the switch word: each run is a method of its own.
    private static void WriteSearch(SourceWriter writer, Cases cases, List<List<Key>> chunks, List<string> parts, int first, int last)
    {
        if (first == last)
        {
            writer.Line($"return {parts[first]}({string.Join(", ", cases.Words.Select(w => w.Name))});");
            return;
        }

        var middle = (first + last) / 2;
        var bound = chunks[middle][chunks[middle].Count - 1];
        writer.Line($"if ({cases.KeyWord.Name} <= {Constant(bound.Value, cases.KeyWord.Size)}) // up to {CSharpLiterals.String(bound.Entries[0].Literal)}");
        using (writer.Braces())
        {
            WriteSearch(writer, cases, chunks, parts, first, middle);
        }

        writer.Line();
        WriteSearch(writer, cases, chunks, parts, middle + 1, last);
    }

    private static string WritePart(GeneratedMethods methods, string value, Cases cases, List<Key> keys)
    {
        var name = methods.NextPartName();
        var writer = new SourceWriter(methods.Indent);
        var first = keys[0].Entries[0].Literal;
        var last = keys[keys.Count - 1].Entries[0].Literal;
        writer.Line();
        writer.Line($"/// <summary>Part of <see cref=\"{methods.BaseName}\"/>: {CSharpLiterals.Xml($"the position of {value} among {keys.Sum(k => k.Entries.Count)} literals from \"{first}\" to \"{last}\" (by {cases.KeyWord.Name}), or -1")}.</summary>");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Line($"private static int {name}({string.Join(", ", cases.Words.Select(w => $"{Type(w.Size)} {w.Name}"))})");
        using (writer.Braces())
        {
            cases.WriteSwitch(writer, keys);
            writer.Line();
            writer.Line("return -1;");
        }

        methods.Parts.Add(writer);
        return name;
    }

    private static string Type(int size) => size switch { 8 => "ulong", 4 => "uint", _ => "byte" };

    private static string Constant(ulong value, int size) => size switch
    {
        8 => "0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "UL",
        4 => "0x" + value.ToString("X8", CultureInfo.InvariantCulture) + "U",
        _ => CSharpLiterals.Byte((byte)value),
    };

    private sealed class Cases
    {
        public Cases(List<Word> words, int key)
        {
            Words = words;
            KeyWord = words[key];
        }

        public List<Word> Words { get; }

        public Word KeyWord { get; }

        // One case per value of the switch word; its literals are told apart by the other words.
        public void WriteSwitch(SourceWriter writer, List<Key> keys)
        {
            var others = Words.Where(w => w != KeyWord).ToList();
            writer.Line($"switch ({KeyWord.Name})");
            using (writer.Braces())
            {
                foreach (var key in keys)
                {
                    var label = $"case {Constant(key.Value, KeyWord.Size)}:";
                    if (others.Count == 0)
                    {
                        writer.Line($"{label} // {CSharpLiterals.String(key.Entries[0].Literal)}");
                        using (writer.Indent())
                        {
                            writer.Line($"return {CSharpLiterals.Number(key.Entries[0].Position)};");
                        }

                        continue;
                    }

                    writer.Line(key.Entries.Count == 1 ? $"{label} // {CSharpLiterals.String(key.Entries[0].Literal)}" : label);
                    using (writer.Indent())
                    {
                        foreach (var entry in key.Entries)
                        {
                            var test = string.Join(" && ", others.Select(w => $"{w.Name} == {Constant(entry.Word(w), w.Size)}"));
                            writer.Line(key.Entries.Count == 1 ? $"if ({test})" : $"if ({test}) // {CSharpLiterals.String(entry.Literal)}");
                            using (writer.Braces())
                            {
                                writer.Line($"return {CSharpLiterals.Number(entry.Position)};");
                            }
                        }

                        writer.Line("break;");
                    }
                }
            }
        }
    }

    private sealed record Word(string Name, int Offset, int Size);

    private sealed record Key(ulong Value, List<Entry> Entries);

    private sealed record Entry(string Literal, byte[] Bytes, int Position)
    {
        public ulong Word(Word word) => LiteralWords.Read(Bytes, word.Offset, word.Size);
    }
}
