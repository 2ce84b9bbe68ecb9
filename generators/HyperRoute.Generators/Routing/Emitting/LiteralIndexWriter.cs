using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes a method that tells which of many literals a value is: its position among them in ordinal order, or -1.
/// The dispatcher calls it where many literals lead on alike, then matches the rest once and switches on the
/// position only where routes end. It switches on the value's length, reads the value as lower-cased words once,
/// switches on the word that tells the literals of that length apart and compares the other words
/// (<see cref="LiteralWords"/>): no byte-by-byte walk, no call per comparison. Past <see cref="PlanLimits.CasesPerMethod"/> keys, a
/// binary search on the switch word picks a method of its own for each run of keys.
/// </summary>
internal static class LiteralIndexWriter
{
    private const string Span = "System::ReadOnlySpan<byte>";
    private const string Segment = "Routing::LiteralSegment";

    /// <summary>Writes the method (and its parts) into <paramref name="methods"/>; returns its name.</summary>
    /// <param name="value">The name of the value parameter, as at the call site (<c>s2</c>, <c>path</c>).</param>
    /// <param name="literals">The lower-case literals, in ordinal order: a literal's position is its index.</param>
    /// <param name="groups">The literals as word switches, as the planner cut them (<see cref="LiteralWords"/>).</param>
    public static string Write(GeneratedMethods methods, string value, IReadOnlyList<string> literals, IReadOnlyList<WordGroup> groups)
    {
        var name = methods.NextPartName();
        var writer = new SourceWriter(methods.Indent);
        writer.Line();
        writer.Doc($"Part of <see cref=\"{methods.BaseName}\"/>: {CSharpLiterals.Xml($"the position of {value} among {literals.Count} literals from \"{literals[0]}\" to \"{literals[literals.Count - 1]}\", or -1")}.");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Line($"private static int {name}({Span} {value})");
        using (writer.Braces())
        {
            if (groups.Count == 1)
            {
                writer.If($"{value}.Length == {CSharpLiterals.Number(groups[0].Length)}");
                using (writer.Braces())
                {
                    WriteGroup(methods, writer, value, groups[0]);
                }
            }
            else
            {
                writer.Line($"switch ({value}.Length)");
                using (writer.Braces())
                {
                    foreach (var group in groups)
                    {
                        writer.Line($"case {CSharpLiterals.Number(group.Length)}:");
                        using (writer.Indent())
                        using (writer.Braces())
                        {
                            if (!WriteGroup(methods, writer, value, group))
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

    /// <summary>
    /// Writes a method that tells which of many literals the segment of a path that starts at a given index is, without
    /// a scan for its end: the segment ends at the first of the literals' lengths where the path ends or a <c>/</c>
    /// follows (a literal holds no <c>/</c>, so a segment that ends elsewhere matches none of them). It returns a
    /// <c>LiteralSegment</c>: the literal's position in ordinal order and the segment's end, a constant of the case that
    /// matched, so what follows need not wait for the bytes to be read.
    /// </summary>
    public static string WriteSegment(GeneratedMethods methods, IReadOnlyList<string> literals, IReadOnlyList<WordGroup> groups)
    {
        var name = methods.NextPartName();
        var writer = new SourceWriter(methods.Indent);
        writer.Line();
        writer.Doc($"Part of <see cref=\"{methods.BaseName}\"/>: {CSharpLiterals.Xml($"which of {literals.Count} literals from \"{literals[0]}\" to \"{literals[literals.Count - 1]}\" the segment of path at start is, and where it ends")}.");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Line($"private static {Segment} {name}({Span} path, int start)");
        using (writer.Braces())
        {
            writer.Line("var rest = path.Slice(start);");
            writer.Comment("The segment ends at the first of the literals' lengths where the path ends or a '/' follows.");
            for (var i = 0; i < groups.Count; i++)
            {
                var group = groups[i];
                var length = CSharpLiterals.Number(group.Length);
                var keyword = i == 0 ? "if" : "else if";
                writer.Line($"{keyword} (rest.Length == {length} || (rest.Length > {length} && rest[{length}] == (byte)'/'))");
                using (writer.Braces())
                {
                    WordSwitchWriter.ReadWords(writer, "rest", group);
                    if (group.Runs.Count == 1)
                    {
                        WordSwitchWriter.WriteSwitch(writer, group, group.Runs[0], entry => writer.Line($"return new {Segment}({CSharpLiterals.Number(entry.Position)}, start + {length});"));
                        continue;
                    }

                    var parts = group.Runs.Select(run => WriteSegmentPart(methods, group, run)).ToList();
                    var arguments = string.Join(", ", group.Words.Select(w => w.Name));
                    WordSwitchWriter.WriteSearch(writer, group, 0, group.Runs.Count - 1, run => writer.Line($"return {parts[run]}({arguments}, start + {length});"));
                }
            }

            writer.Line();
            writer.Line($"return {Segment}.None;");
        }

        methods.Parts.Add(writer);
        return name;
    }

    private static string WriteSegmentPart(GeneratedMethods methods, WordGroup group, List<WordKey> run)
    {
        var name = methods.NextPartName();
        var writer = new SourceWriter(methods.Indent);
        writer.Line();
        writer.Doc($"Part of <see cref=\"{methods.BaseName}\"/>: {CSharpLiterals.Xml($"which of {WordSwitchWriter.Describe(run)} the segment is (by {group.Key.Name}); it ends at end")}.");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Declaration($"private static {Segment} {name}({string.Join(", ", group.Words.Select(w => $"{WordSwitchWriter.Type(w)} {w.Name}"))}, int end)");
        using (writer.Braces())
        {
            WordSwitchWriter.WriteSwitch(writer, group, run, entry => writer.Line($"return new {Segment}({CSharpLiterals.Number(entry.Position)}, end);"));
            writer.Line();
            writer.Line($"return {Segment}.None;");
        }

        methods.Parts.Add(writer);
        return name;
    }

    // The literals of one length: read the value's words, then the switch, or the search for the run's method (which
    // always returns: then true).
    private static bool WriteGroup(GeneratedMethods methods, SourceWriter writer, string value, WordGroup group)
    {
        WordSwitchWriter.ReadWords(writer, value, group);
        if (group.Runs.Count == 1)
        {
            WordSwitchWriter.WriteSwitch(writer, group, group.Runs[0], entry => writer.Line($"return {CSharpLiterals.Number(entry.Position)};"));
            return false;
        }

        var parts = group.Runs.Select(run => WritePart(methods, value, group, run)).ToList();
        var arguments = string.Join(", ", group.Words.Select(w => w.Name));
        WordSwitchWriter.WriteSearch(writer, group, 0, group.Runs.Count - 1, run => writer.Line($"return {parts[run]}({arguments});"));
        return true;
    }

    private static string WritePart(GeneratedMethods methods, string value, WordGroup group, List<WordKey> run)
    {
        var name = methods.NextPartName();
        var writer = new SourceWriter(methods.Indent);
        writer.Line();
        writer.Doc($"Part of <see cref=\"{methods.BaseName}\"/>: {CSharpLiterals.Xml($"the position of {value} among {WordSwitchWriter.Describe(run)} (by {group.Key.Name}), or -1")}.");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Declaration($"private static int {name}({string.Join(", ", group.Words.Select(w => $"{WordSwitchWriter.Type(w)} {w.Name}"))})");
        using (writer.Braces())
        {
            WordSwitchWriter.WriteSwitch(writer, group, run, entry => writer.Line($"return {CSharpLiterals.Number(entry.Position)};"));
            writer.Line();
            writer.Line("return -1;");
        }

        methods.Parts.Add(writer);
        return name;
    }
}
