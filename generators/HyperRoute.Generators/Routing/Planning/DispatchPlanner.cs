using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Stage 2: turns a router's routes into decision trees, one per HTTP method plus one over every route for
/// the <c>Allow</c> set. Precedence is built into the order of branches: at every segment a literal is tried
/// before a constrained parameter, before a plain parameter, before a catch-all, and a branch that fails falls
/// through to the next, so declaration order never matters.
/// </summary>
internal static class DispatchPlanner
{
    public static DispatchPlan Plan(RouterSpec router)
        => new(router, PlanMethods(router), BuildTree(router.Routes.ToList()), AsyncCompletions.Plan(router));

    /// <summary>One tree per declared method, in <c>HttpMethods</c> flag order; <see cref="RouteConflicts"/> reads them too.</summary>
    public static IReadOnlyList<MethodTree> PlanMethods(RouterSpec router)
        => RouteTemplateParser.Methods
            .Select(method => (method, routes: router.Routes.Where(r => r.Template.Method == method).ToList()))
            .Where(m => m.routes.Count > 0)
            .Select(m => new MethodTree(m.method, BuildTree(m.routes)))
            .ToList();

    private static RouteTree BuildTree(List<RouteSpec> routes)
    {
        var literals = new LiteralSwitch<List<RouteLeaf>>();
        foreach (var route in routes.Where(r => r.IsLiteral))
        {
            var key = route.Template.Segments.Count == 0 ? "/" : "/" + string.Join("/", route.Template.Segments.Select(s => s.LowerLiteral));
            if (!literals.TryGet(key, out var leaves))
            {
                leaves = new List<RouteLeaf>();
                literals.Add(key, leaves);
            }

            leaves.Add(new RouteLeaf(route, OptionalAbsent: false));
        }

        var parameterized = routes.Where(r => !r.IsLiteral).ToList();
        var root = parameterized.Count == 0 ? null : BuildTrie(parameterized);
        if (root is not null)
        {
            Decide(root);
        }

        var count = literals.Entries.Count();
        var words = count > PlanLimits.SplitThreshold ? LiteralWords.Plan(literals.Entries.Select(e => e.Key).ToList(), PlanLimits.CasesPerMethod) : null;
        return new RouteTree(literals, root)
        {
            LiteralRoutesDecision = count > 0 && count <= PlanLimits.SplitThreshold ? LiteralPlanner.Plan(Keys(literals), switchOnLength: true) : null,
            LiteralRoutesWords = words,
            InlineWordGroups = words is null ? System.Array.Empty<int>() : InlineGroups(words),
        };
    }

    // Groups of one run stay in the calling method, shortest first, while their routes fit in one method.
    private static IReadOnlyCollection<int> InlineGroups(IReadOnlyList<WordGroup> groups)
    {
        var inline = new HashSet<int>();
        var routes = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Runs.Count == 1 && routes + groups[i].Runs[0].Count <= PlanLimits.SplitThreshold)
            {
                routes += groups[i].Runs[0].Count;
                inline.Add(i);
            }
        }

        return inline;
    }

    // How each node's literal children are matched: in place when few, once for all when their subtrees share a
    // shape, otherwise by a switch on length and bytes once the segment's end is known.
    private static void Decide(TrieNode node)
    {
        var count = node.Literals.Entries.Count();
        node.ComparesLiteralsInPlace = count > 0 && count <= PlanLimits.InPlaceLiterals;
        node.SharesTail = TrieShape.SharesTail(node, PlanLimits.SplitThreshold);
        node.LiteralDecision = node.ComparesLiteralsInPlace || count == 0 ? null : LiteralPlanner.Plan(Keys(node.Literals), switchOnLength: count > 1);
        node.LiteralWords = node.SharesTail ? LiteralWords.Plan(node.Literals.Entries.Select(e => e.Key).ToList(), PlanLimits.CasesPerMethod) : null;
        foreach (var child in node.Literals.Entries)
        {
            Decide(child.Value);
        }

        foreach (var edge in node.Parameters.Concat(node.CatchAlls))
        {
            Decide(edge.Child);
        }
    }

    private static LiteralSwitch<string> Keys<T>(LiteralSwitch<T> literals)
    {
        var keys = new LiteralSwitch<string>();
        foreach (var entry in literals.Entries)
        {
            keys.Add(entry.Key, entry.Key);
        }

        return keys;
    }

    // One trie for every segment count: the path's end is checked where routes end, so routes of different
    // lengths never compete, and at each node the branches are in precedence order.
    private static TrieNode BuildTrie(List<RouteSpec> routes)
    {
        var root = new TrieNode(0);
        foreach (var route in routes)
        {
            var segments = route.Template.Segments;
            var n = segments.Count;
            if (route.Template.CatchAll is not null)
            {
                AddCatchAll(Insert(root, segments, n - 1), segments[n - 1], route);
                continue;
            }

            Insert(root, segments, n).Leaves.Add(new RouteLeaf(route, OptionalAbsent: false));
            if (route.Template.Optional is not null)
            {
                Insert(root, segments, n - 1).Leaves.Add(new RouteLeaf(route, OptionalAbsent: true));
            }
        }

        Order(root);
        return root;
    }

    private static TrieNode Insert(TrieNode root, EquatableArray<TemplateSegment> segments, int length)
    {
        var node = root;
        for (var i = 0; i < length; i++)
        {
            var segment = segments[i];
            if (segment.Kind == SegmentKind.Literal)
            {
                if (!node.Literals.TryGet(segment.LowerLiteral, out var child))
                {
                    child = new TrieNode(i + 1);
                    node.Literals.Add(segment.LowerLiteral, child);
                }

                node = child;
                continue;
            }

            var edge = node.Parameters.FirstOrDefault(e => e.Segment.ConstraintKey == segment.ConstraintKey);
            if (edge is null)
            {
                edge = new ParameterEdge(segment, new TrieNode(i + 1));
                node.Parameters.Add(edge);
            }

            edge.Spellings.Add(segment.Text);
            node = edge.Child;
        }

        return node;
    }

    private static void AddCatchAll(TrieNode node, TemplateSegment segment, RouteSpec route)
    {
        var edge = node.CatchAlls.FirstOrDefault(e => e.Segment.ConstraintKey == segment.ConstraintKey);
        if (edge is null)
        {
            edge = new ParameterEdge(segment, new TrieNode(-1));
            node.CatchAlls.Add(edge);
        }

        edge.Spellings.Add(segment.Text);
        edge.Child.Leaves.Add(new RouteLeaf(route, OptionalAbsent: false));
    }

    // Precedence inside a node: constrained parameters before plain ones (more constraints first), routes that
    // end here with all their segments before those whose optional segment is absent, then declaration order.
    private static void Order(TrieNode node)
    {
        node.Parameters.Sort(CompareEdges);
        node.CatchAlls.Sort(CompareEdges);
        node.Leaves.Sort((a, b) => a.OptionalAbsent != b.OptionalAbsent ? (a.OptionalAbsent ? 1 : -1) : a.Route.Index.CompareTo(b.Route.Index));
        foreach (var child in node.Literals.Entries)
        {
            Order(child.Value);
        }

        foreach (var edge in node.Parameters.Concat(node.CatchAlls))
        {
            Order(edge.Child);
        }
    }

    private static int CompareEdges(ParameterEdge a, ParameterEdge b)
    {
        var byCount = b.Segment.Constraints.Count.CompareTo(a.Segment.Constraints.Count);
        return byCount != 0 ? byCount : string.CompareOrdinal(a.Segment.ConstraintKey, b.Segment.ConstraintKey);
    }
}
