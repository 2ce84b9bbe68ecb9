using System.Collections.Generic;
using System.Linq;
using HyperRoute.Generators.Planning;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Writes a method that tells which of many literals a value is: its position among them in ordinal order, or -1.
/// The dispatcher calls it where many literals lead on alike, then matches the rest once and switches on the
/// position only where routes end. It holds nothing but the literal switch, so it stays small; past
/// <see cref="Threshold"/> literals its largest branches move to methods of their own.
/// </summary>
internal static class LiteralIndexWriter
{
    /// <summary>The most literals one of these methods compares itself.</summary>
    public const int Threshold = 64;

    private const string Literal = "global::HyperRoute.Routing.Utf8Literal";
    private const string Span = "global::System.ReadOnlySpan<byte>";

    /// <summary>Writes the method (and its parts) into <paramref name="methods"/>; returns its name.</summary>
    /// <param name="value">The name of the value parameter, as at the call site (<c>s2</c>, <c>path</c>).</param>
    /// <param name="literals">The lower-case literals, in ordinal order: a literal's position is its index.</param>
    public static string Write(GeneratedMethods methods, string value, IReadOnlyList<string> literals)
    {
        var keyed = new LiteralSwitch<int>();
        for (var i = 0; i < literals.Count; i++)
        {
            keyed.Add(literals[i], i);
        }

        var description = $"the position of {value} among {literals.Count} literals from \"{literals[0]}\" to \"{literals[literals.Count - 1]}\", or -1";
        return WriteMethod(methods, value, description, LiteralPlanner.Plan(keyed, switchOnLength: literals.Select(l => l.Length).Distinct().Skip(1).Any()));
    }

    private static string WriteMethod(GeneratedMethods methods, string value, string description, LiteralDecision<int> decision)
    {
        var name = methods.NextPartName();
        var writer = new SourceWriter(methods.Indent);
        writer.Line();
        writer.Line($"/// <summary>Part of <see cref=\"{methods.BaseName}\"/>: {CSharpLiterals.Xml(description)}.</summary>");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Line($"private static int {name}({Span} {value})");
        using (writer.Braces())
        {
            WriteDecision(methods, writer, value, decision);
            writer.Line();
            writer.Line("return -1;");
        }

        methods.Parts.Add(writer);
        return name;
    }

    private static void WriteDecision(GeneratedMethods methods, SourceWriter writer, string value, LiteralDecision<int> decision)
    {
        switch (decision)
        {
            case LiteralCompare<int> compare:
                writer.Line($"if ({Literal}.EqualsLowerOutOfLine({value}, {CSharpLiterals.Utf8(compare.Literal)}))");
                using (writer.Braces())
                {
                    writer.Line($"return {compare.Value};");
                }

                break;

            case LengthSwitch<int> lengths:
                writer.Line($"switch ({value}.Length)");
                WriteCases(methods, writer, value, lengths.Cases.Select(c => (c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Value)).ToList());
                break;

            case ByteSwitch<int> bytes:
                writer.Line($"switch ({Literal}.Lower({value}[{bytes.Position}]))");
                WriteCases(methods, writer, value, bytes.Cases.Select(c => (CSharpLiterals.Byte(c.Key), c.Value)).ToList());
                break;
        }
    }

    // A case whose literals cannot all stay here goes to a method of its own, as a tail call: no other case can match.
    private static void WriteCases(GeneratedMethods methods, SourceWriter writer, string value, IReadOnlyList<(string Label, LiteralDecision<int> Decision)> cases)
    {
        var weights = cases.Select(c => Weight(c.Decision)).ToList();
        var inline = weights.Sum();
        var own = new HashSet<int>();
        if (cases.Count == 1)
        {
            inline = 0; // moving the only case out would only add a call: the switch inside it splits instead
        }

        foreach (var index in Enumerable.Range(0, cases.Count).OrderByDescending(i => weights[i]).ThenBy(i => i))
        {
            if (inline <= Threshold || weights[index] <= 1)
            {
                break;
            }

            own.Add(index);
            inline -= weights[index];
        }

        using (writer.Braces())
        {
            for (var i = 0; i < cases.Count; i++)
            {
                writer.Line($"case {cases[i].Label}:");
                using (writer.Indent())
                {
                    if (own.Contains(i))
                    {
                        var first = First(cases[i].Decision);
                        var name = WriteMethod(methods, value, $"the position of {value} among {weights[i]} literals from \"{first}\", or -1", cases[i].Decision);
                        writer.Line($"return {name}({value});");
                        continue;
                    }

                    WriteDecision(methods, writer, value, cases[i].Decision);
                    writer.Line("break;");
                }
            }
        }
    }

    private static int Weight(LiteralDecision<int> decision) => decision switch
    {
        LengthSwitch<int> lengths => lengths.Cases.Sum(c => Weight(c.Value)),
        ByteSwitch<int> bytes => bytes.Cases.Sum(c => Weight(c.Value)),
        _ => 1,
    };

    private static string First(LiteralDecision<int> decision) => decision switch
    {
        LengthSwitch<int> lengths => First(lengths.Cases[0].Value),
        ByteSwitch<int> bytes => First(bytes.Cases[0].Value),
        LiteralCompare<int> compare => compare.Literal,
        _ => "",
    };
}
