using System;
using System.Collections.Generic;
using System.Text;

namespace HyperRoute.Generators.Routing;

/// <summary>How two routes of one method collide.</summary>
internal enum ConflictKind
{
    /// <summary>
    /// Some request matches both with equal precedence (same segment count, and at every position equal
    /// literals or parameters with the same constraints), so declaration order decides and the later route is
    /// never reached for it: <c>/a/{x}</c> and <c>/a/{y}</c>; also the present form of <c>/a/{x?}</c> and <c>/a/{y}</c>.
    /// </summary>
    EqualPrecedence,

    /// <summary>
    /// The optional route's form without its optional segment is exactly the other route, which takes precedence
    /// (a route ending there beats one whose optional segment is absent), so that form is never reached:
    /// <c>/users/{id?}</c> and <c>/users</c>.
    /// </summary>
    AbsentFormShadowed,
}

/// <summary>A conflict between two routes, by their index in the list given to <see cref="RouteConflicts.Find"/>.</summary>
/// <param name="First">For <see cref="ConflictKind.EqualPrecedence"/> the lower index; for <see cref="ConflictKind.AbsentFormShadowed"/> the optional route.</param>
/// <param name="Second">The other route.</param>
/// <param name="Kind">How they collide.</param>
internal sealed record RouteConflict(int First, int Second, ConflictKind Kind);

/// <summary>
/// Finds the routes of one router that collide, exactly as the dispatch planner would place them: routes land on
/// the same leaf when they have the same method and segment count and, position by position, the same lower-case
/// literal or a parameter (or catch-all) with the same <see cref="TemplateSegment.ConstraintKey"/>; an optional
/// route also lands, one segment shorter, where its optional segment is absent. Anything else is told apart by
/// precedence and is never reported. A catch-all's empty form (<c>/files/{*path}</c> on <c>/files</c>) is
/// deliberately not a conflict: a literal route beside a catch-all is the usual way to serve the bare prefix.
/// </summary>
internal static class RouteConflicts
{
    public static IReadOnlyList<RouteConflict> Find(IReadOnlyList<RouteTemplate> routes)
    {
        var forms = new Dictionary<string, List<(int Route, bool Absent)>>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            var template = routes[i];
            Add(forms, Key(template, template.Segments.Count), (i, false));
            if (template.Optional is not null)
            {
                Add(forms, Key(template, template.Segments.Count - 1), (i, true));
            }
        }

        var seen = new HashSet<RouteConflict>();
        var conflicts = new List<RouteConflict>();
        foreach (var group in forms.Values)
        {
            for (var a = 0; a < group.Count; a++)
            {
                for (var b = a + 1; b < group.Count; b++)
                {
                    var (first, second) = (group[a], group[b]);
                    var conflict = first.Absent == second.Absent
                        ? new RouteConflict(Math.Min(first.Route, second.Route), Math.Max(first.Route, second.Route), ConflictKind.EqualPrecedence)
                        : first.Absent
                            ? new RouteConflict(first.Route, second.Route, ConflictKind.AbsentFormShadowed)
                            : new RouteConflict(second.Route, first.Route, ConflictKind.AbsentFormShadowed);
                    if (seen.Add(conflict))
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }

        conflicts.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second != y.Second ? x.Second.CompareTo(y.Second) : x.Kind.CompareTo(y.Kind));
        return conflicts;
    }

    private static void Add(Dictionary<string, List<(int Route, bool Absent)>> forms, string key, (int Route, bool Absent) form)
    {
        if (!forms.TryGetValue(key, out var list))
        {
            list = new List<(int Route, bool Absent)>();
            forms.Add(key, list);
        }

        list.Add(form);
    }

    // What the planner compares: the method, then per segment its kind and its literal or constraint key. Literals
    // cannot contain control characters, so '\n' separates segments unambiguously.
    private static string Key(RouteTemplate template, int length)
    {
        var key = new StringBuilder(template.Method);
        for (var i = 0; i < length; i++)
        {
            var segment = template.Segments[i];
            key.Append('\n');
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    key.Append('L').Append(segment.LowerLiteral);
                    break;
                case SegmentKind.Parameter:
                    key.Append('P').Append(segment.ConstraintKey);
                    break;
                default:
                    key.Append('C').Append(segment.ConstraintKey);
                    break;
            }
        }

        return key.ToString();
    }
}
