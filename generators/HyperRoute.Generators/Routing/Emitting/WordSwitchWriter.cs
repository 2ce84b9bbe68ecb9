using HyperRoute.Generators.Emitting;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Writes the code of a <see cref="WordGroup"/>: the reads of the value's words, the binary search over runs, the switch.</summary>
internal static class WordSwitchWriter
{
    private const string Literal = "Routing::Utf8Literal";

    /// <summary><c>var w0 = Utf8Literal.Word(path, 0);</c> for each word of the group.</summary>
    public static void ReadWords(SourceWriter writer, string value, WordGroup group)
    {
        foreach (var word in group.Words)
        {
            var read = word.Size switch
            {
                8 => $"{Literal}.Word({value}, {word.Offset})",
                4 => $"{Literal}.HalfWord({value}, {word.Offset})",
                _ => $"{value}[{word.Offset}]",
            };
            var bytes = word.Size == 1 ? $"byte {word.Offset}" : $"bytes {word.Offset} to {word.Offset + word.Size - 1}";
            writer.Line($"var {word.Name} = {read}; // {bytes}");
        }
    }

    /// <summary>The C# type of a word's local.</summary>
    public static string Type(Word word) => word.Size switch { 8 => "ulong", 4 => "uint", _ => "byte" };

    /// <summary>The literals of a run, for summaries: <c>from "a" to "b"</c>.</summary>
    public static string Describe(List<WordKey> run)
        => $"{run.Sum(k => k.Entries.Count)} literals from \"{run[0].Entries[0].Literal}\" to \"{run[run.Count - 1].Entries[0].Literal}\"";

    /// <summary>
    /// A binary search on the switch word over the runs of the group; <paramref name="writeRun"/> writes what a run does
    /// (a call to the method that holds it). Falls through when the run does not match.
    /// </summary>
    public static void WriteSearch(SourceWriter writer, WordGroup group, int first, int last, Action<int> writeRun)
    {
        if (first == last)
        {
            writeRun(first);
            return;
        }

        var middle = (first + last) / 2;
        var bound = group.Runs[middle][group.Runs[middle].Count - 1];
        writer.Line($"if ({Folded(group.Key)} <= {Constant(bound.Value, group.Key.Size)}) // up to {CSharpLiterals.String(bound.Entries[0].Literal)}");
        using (writer.Braces())
        {
            WriteSearch(writer, group, first, middle, writeRun);
        }

        writer.Line("else");
        using (writer.Braces())
        {
            WriteSearch(writer, group, middle + 1, last, writeRun);
        }
    }

    /// <summary>
    /// One case per value of the switch word (folded: A-Z as a-z); its literals are compared word by word, exactly.
    /// <paramref name="onMatch"/> writes the statements for a literal that matched, which return.
    /// </summary>
    public static void WriteSwitch(SourceWriter writer, WordGroup group, List<WordKey> keys, Action<WordEntry> onMatch)
    {
        var folded = Folded(group.Key);
        writer.Line($"switch ({folded.Substring(1, folded.Length - 2)})");
        using (writer.Braces())
        {
            foreach (var key in keys)
            {
                var label = $"case {Constant(key.Value, group.Key.Size)}:";
                writer.Line(key.Entries.Count == 1 ? $"{label} // {CSharpLiterals.String(key.Entries[0].Literal)}" : label);
                using (writer.Indent())
                {
                    foreach (var entry in key.Entries)
                    {
                        var test = string.Join(" && ", group.Words.Select(w => Test(w, entry)));
                        writer.Line(key.Entries.Count == 1 ? $"if ({test})" : $"if ({test}) // {CSharpLiterals.String(entry.Literal)}");
                        using (writer.Braces())
                        {
                            onMatch(entry);
                        }
                    }

                    writer.Line("break;");
                }
            }
        }
    }

    // The word with the 0x20 bit of every byte set, which the switch compares.
    private static string Folded(Word word) => word.Size == 1 ? $"({word.Name} | 0x20)" : $"({word.Name} | {Constant(word.Fold, word.Size)})";

    // The word equals the literal's, letters in either case: (word | letters) == literal.
    private static string Test(Word word, WordEntry entry)
    {
        var letters = entry.Letters(word);
        var value = letters == 0 ? word.Name : word.Size == 1 ? $"({word.Name} | 0x20)" : $"({word.Name} | {Constant(letters, word.Size)})";
        return $"{value} == {Constant(entry.Read(word), word.Size)}";
    }

    private static string Constant(ulong value, int size) => size switch
    {
        8 => "0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "UL",
        4 => "0x" + value.ToString("X8", CultureInfo.InvariantCulture) + "U",
        _ => CSharpLiterals.Byte((byte)value),
    };
}
