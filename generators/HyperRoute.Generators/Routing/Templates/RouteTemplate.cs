using System;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>A parsed route pattern: <c>"GET /users/{id:int}"</c>. Value-equatable; no Roslyn types.</summary>
internal sealed record RouteTemplate(string Pattern, string Method, string Path, EquatableArray<TemplateSegment> Segments)
{
    /// <summary>The last segment, when it is a catch-all (<c>{*rest}</c>).</summary>
    public TemplateSegment? CatchAll => Segments.Count > 0 && Segments[Segments.Count - 1].Kind == SegmentKind.CatchAll ? Segments[Segments.Count - 1] : null;

    /// <summary>The last segment, when it is an optional parameter (<c>{id?}</c>).</summary>
    public TemplateSegment? Optional => Segments.Count > 0 && Segments[Segments.Count - 1].IsOptional ? Segments[Segments.Count - 1] : null;

    /// <summary>Finds the parameter segment named <paramref name="name"/> (case-insensitive, as binding is).</summary>
    public TemplateSegment? FindParameter(string name)
        => IndexOfParameter(name) is var index and >= 0 ? Segments[index] : null;

    /// <summary>The position of the parameter segment named <paramref name="name"/> (case-insensitive), or -1.</summary>
    public int IndexOfParameter(string name)
    {
        for (var i = 0; i < Segments.Count; i++)
        {
            if (Segments[i].Kind != SegmentKind.Literal && string.Equals(Segments[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>What a template segment is.</summary>
internal enum SegmentKind
{
    /// <summary>Text that must match (ASCII case-insensitive): <c>users</c>.</summary>
    Literal,
    /// <summary>A parameter that takes one whole segment: <c>{id:int}</c>, <c>{id?}</c>.</summary>
    Parameter,
    /// <summary>A parameter that takes the rest of the path, slashes included, possibly empty: <c>{*rest}</c>.</summary>
    CatchAll,
}

/// <summary>One segment of a template.</summary>
/// <param name="Kind">Literal, parameter or catch-all.</param>
/// <param name="Text">The segment as written in the pattern.</param>
/// <param name="Name">The parameter name; empty for a literal.</param>
/// <param name="Constraints">The parameter's constraints in the order written.</param>
/// <param name="IsOptional">The parameter may be absent (<c>{id?}</c>).</param>
/// <param name="Start">The offset of the segment in the pattern string.</param>
internal sealed record TemplateSegment(SegmentKind Kind, string Text, string Name, EquatableArray<RouteConstraint> Constraints, bool IsOptional, int Start)
{
    /// <summary>The literal in lower case, as the dispatcher compares it.</summary>
    public string LowerLiteral => Kind == SegmentKind.Literal ? AsciiLower(Text) : string.Empty;

    /// <summary>The constraints in their canonical spelling, joined by <c>:</c>: two segments with the same key accept the same values.</summary>
    public string ConstraintKey => string.Join(":", Constraints.Select(c => c.Text));

    private static string AsciiLower(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= 'A' && chars[i] <= 'Z')
            {
                chars[i] = (char)(chars[i] | 0x20);
            }
        }

        return new string(chars);
    }
}

/// <summary>A problem in a pattern, located on the offending characters of the pattern string.</summary>
internal sealed record TemplateError(string Message, int Start, int Length);
