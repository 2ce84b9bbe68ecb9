using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Writes the condition that checks a parameter's constraints on its UTF-8 value.</summary>
internal static class ConstraintEmitter
{
    private const string Parse = "Routing::Utf8Parse.TryParse";
    private const string Constraints = "Routing::RouteConstraints";

    /// <summary>
    /// Returns the condition (type constraints first, so the bounds can use the parsed number) and the locals
    /// it declares, by type. A segment parameter with no constraint still requires a non-empty segment.
    /// </summary>
    /// <param name="decodedFlag">
    /// The local that says whether the path was percent-decoded, when the value may come from a path that was
    /// not: then a value its constraints would accept with a <c>%</c> in it must wait for the decoded pass.
    /// </param>
    public static string Condition(TemplateSegment segment, string value, string localPrefix, NameScope names, bool requireNonEmpty, string? decodedFlag, out Dictionary<RouteValueType, string> parsed)
    {
        parsed = new Dictionary<RouteValueType, string>();
        var terms = new List<string>();
        if (requireNonEmpty && !segment.Constraints.Any(c => c.ParsedType is not null || c.Kind == ConstraintKind.Alpha))
        {
            terms.Add("!" + value + ".IsEmpty");
        }

        if (decodedFlag is not null && !RejectsEscapes(segment))
        {
            terms.Add($"Routing::RoutePath.IsDecoded({value}, {decodedFlag})");
        }

        foreach (var constraint in segment.Constraints)
        {
            if (constraint.ParsedType is { } type && !parsed.ContainsKey(type))
            {
                var local = names.Unique(localPrefix + type);
                parsed[type] = local;
                terms.Add($"{Parse}({value}, out {type.Generated()} {local})");
            }
        }

        string? number = null;
        foreach (var constraint in segment.Constraints)
        {
            switch (constraint.Kind)
            {
                case ConstraintKind.Alpha:
                    terms.Add($"{Constraints}.IsAlpha({value})");
                    break;
                case ConstraintKind.Min:
                case ConstraintKind.Max:
                case ConstraintKind.Range:
                    number ??= NumberLocal(value, localPrefix, names, parsed, terms);
                    terms.Add(Bounds(number, constraint));
                    break;
                case ConstraintKind.Length:
                    terms.Add($"{Constraints}.Length({value}) == {CSharpLiterals.Number(constraint.First)}");
                    break;
                case ConstraintKind.LengthRange:
                    terms.Add($"{Constraints}.Length({value}) is >= {CSharpLiterals.Number(constraint.First)} and <= {CSharpLiterals.Number(constraint.Second)}");
                    break;
                case ConstraintKind.MinLength:
                    terms.Add($"{Constraints}.Length({value}) >= {CSharpLiterals.Number(constraint.First)}");
                    break;
                case ConstraintKind.MaxLength:
                    terms.Add($"{Constraints}.Length({value}) <= {CSharpLiterals.Number(constraint.First)}");
                    break;
            }
        }

        return terms.Count == 0 ? "true" : string.Join(" && ", terms);
    }

    // Type constraints, alpha and bounds (which parse a number) never accept a '%': on a path that was not
    // decoded they fail, and the decoded pass decides.
    private static bool RejectsEscapes(TemplateSegment segment)
        => segment.Constraints.Any(c => c.ParsedType is not null || c.Kind is ConstraintKind.Alpha or ConstraintKind.Min or ConstraintKind.Max or ConstraintKind.Range);

    // min/max/range compare the number a type constraint parsed, or parse the value as a long.
    private static string NumberLocal(string value, string localPrefix, NameScope names, Dictionary<RouteValueType, string> parsed, List<string> terms)
    {
        foreach (var type in new[] { RouteValueType.Int32, RouteValueType.Int64, RouteValueType.Double, RouteValueType.Decimal })
        {
            if (parsed.TryGetValue(type, out var existing))
            {
                return existing;
            }
        }

        var local = names.Unique(localPrefix + RouteValueType.Int64);
        parsed[RouteValueType.Int64] = local;
        terms.Add($"{Parse}({value}, out long {local})");
        return local;
    }

    private static string Bounds(string number, RouteConstraint constraint) => constraint.Kind switch
    {
        ConstraintKind.Min => $"{number} >= {CSharpLiterals.Number(constraint.First)}",
        ConstraintKind.Max => $"{number} <= {CSharpLiterals.Number(constraint.First)}",
        _ => $"{number} is >= {CSharpLiterals.Number(constraint.First)} and <= {CSharpLiterals.Number(constraint.Second)}",
    };
}
