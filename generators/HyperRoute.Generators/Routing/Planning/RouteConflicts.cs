using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>How two routes of one method collide.</summary>
internal enum ConflictKind
{
    /// <summary>
    /// Both routes end on the same leaf of the planner's tree with equal precedence, so the one declared first takes
    /// every request there and the other is never reached: <c>/a/{x}</c> and <c>/a/{y}</c>; also the present form of
    /// <c>/a/{x?}</c> and <c>/a/{y}</c>.
    /// </summary>
    EqualPrecedence,

    /// <summary>
    /// The optional route's form without its optional segment ends where the other route ends, and the other route
    /// takes precedence (a route ending there with all its segments beats one whose optional segment is absent), so
    /// that form is never reached: <c>/users/{id?}</c> and <c>/users</c>.
    /// </summary>
    AbsentFormShadowed,
}

/// <summary>A conflict between two routes, by <see cref="RouteSpec.Index"/>.</summary>
/// <param name="First">For <see cref="ConflictKind.EqualPrecedence"/> the lower index; for <see cref="ConflictKind.AbsentFormShadowed"/> the optional route.</param>
/// <param name="Second">The other route.</param>
/// <param name="Kind">How they collide.</param>
internal sealed record RouteConflict(int First, int Second, ConflictKind Kind);

/// <summary>
/// The routes the dispatcher can never reach, read off the planner's own trees (<see cref="DispatchPlanner"/>), so the
/// analyzer reports exactly what the generated code does: every leaf that holds more than one route shadows all but
/// the first, and an optional route's absent form that ends on an all-literal path loses to the literal route of that
/// path, which the dispatcher tries first. A catch-all's empty form (<c>/files/{*path}</c> on <c>/files</c>) is not a
/// form the planner places, so a literal route beside a catch-all, the usual way to serve the bare prefix, never conflicts.
/// </summary>
internal static class RouteConflicts
{
    /// <summary>The conflicts among <paramref name="router"/>'s routes, ordered by first route, second route, kind.</summary>
    public static IReadOnlyList<RouteConflict> Find(RouterSpec router)
    {
        var conflicts = new SortedSet<RouteConflict>(Comparer<RouteConflict>.Create(Compare));
        foreach (var method in DispatchPlanner.PlanMethods(router))
        {
            var tree = method.Tree;
            foreach (var entry in tree.LiteralRoutes.Entries)
            {
                AddLeaves(conflicts, entry.Value);
            }

            if (tree.Root is not null)
            {
                Walk(tree.Root, "", conflicts, tree.LiteralRoutes);
            }
        }

        return conflicts.ToList();
    }

    // literalPath is the lower-case path that leads here through literal edges only, or null below a parameter.
    private static void Walk(TrieNode node, string? literalPath, SortedSet<RouteConflict> conflicts, LiteralSwitch<List<RouteLeaf>> literalRoutes)
    {
        AddLeaves(conflicts, node.Leaves);
        if (literalPath is not null && literalRoutes.TryGet(literalPath.Length == 0 ? "/" : literalPath, out var literal))
        {
            foreach (var absent in node.Leaves.Where(l => l.OptionalAbsent))
            {
                foreach (var other in literal)
                {
                    conflicts.Add(new RouteConflict(absent.Route.Index, other.Route.Index, ConflictKind.AbsentFormShadowed));
                }
            }
        }

        foreach (var child in node.Literals.Entries)
        {
            Walk(child.Value, literalPath is null ? null : literalPath + "/" + child.Key, conflicts, literalRoutes);
        }

        foreach (var edge in node.Parameters)
        {
            Walk(edge.Child, null, conflicts, literalRoutes);
        }

        foreach (var edge in node.CatchAlls)
        {
            AddLeaves(conflicts, edge.Child.Leaves);
        }
    }

    // Every pair of routes on one leaf: the leaf tries them in order and only the first can answer.
    private static void AddLeaves(SortedSet<RouteConflict> conflicts, IReadOnlyList<RouteLeaf> leaves)
    {
        for (var a = 0; a < leaves.Count; a++)
        {
            for (var b = a + 1; b < leaves.Count; b++)
            {
                var (x, y) = (leaves[a], leaves[b]);
                if (x.Route.Index == y.Route.Index)
                {
                    continue;
                }

                conflicts.Add(x.OptionalAbsent == y.OptionalAbsent
                    ? new RouteConflict(Math.Min(x.Route.Index, y.Route.Index), Math.Max(x.Route.Index, y.Route.Index), ConflictKind.EqualPrecedence)
                    : x.OptionalAbsent
                        ? new RouteConflict(x.Route.Index, y.Route.Index, ConflictKind.AbsentFormShadowed)
                        : new RouteConflict(y.Route.Index, x.Route.Index, ConflictKind.AbsentFormShadowed));
            }
        }
    }

    private static int Compare(RouteConflict x, RouteConflict y)
        => x.First != y.First ? x.First.CompareTo(y.First) : x.Second != y.Second ? x.Second.CompareTo(y.Second) : x.Kind.CompareTo(y.Kind);
}
