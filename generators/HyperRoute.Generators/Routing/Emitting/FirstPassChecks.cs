using HyperRoute.Generators.Emitting;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// The cheap checks a first pass (<c>DispatchGet</c>, …) makes before it calls a match method or the second pass,
/// as C# patterns over what the routes can look like: the lengths of a method's literal routes, the first bytes its
/// routes with parameters can start with, and the first bytes any route of any method can start with. Each is a
/// necessary condition for a match: the path's byte is or-ed with 0x20 like the route's, which folds more than the
/// letters that matching folds, so the check lets some paths through that cannot match, never the other way. Null
/// when no such check holds or it would not pay.
/// </summary>
internal static class FirstPassChecks
{
    // The first bytes (letters folded, as the in-place switch folds them) that a path must have after its '/' for
    // any of the method's routes with parameters to match, as a pattern; null when the first segment can be a
    // parameter or a catch-all, a route ends at the root, or there are too many for the check to pay. A path whose
    // first segment holds an escape fails the check and is matched again, decoded, by the second pass.
    public static string? RootFirstBytes(RouteTree tree)
    {
        var root = tree.Root!;
        if (root.Parameters.Count > 0 || root.CatchAlls.Count > 0 || root.Leaves.Count > 0 || root.Literals.IsEmpty)
        {
            return null;
        }

        var firsts = root.Literals.Entries
            .Select(e => TreeEmitter.FoldedFirstByte(e.Key))
            .Distinct()
            .OrderBy(b => b)
            .ToList();
        return firsts.Count > 4 || firsts.Contains(0) ? null : string.Join(" or ", firsts.Select(CSharpLiterals.Byte));
    }

    // The first bytes after the '/' (letters folded) with which a path can match any route of any method, as a
    // pattern: a path that starts otherwise and holds no escape is a 404 without the second pass. Null when a route
    // of some method begins with a parameter or a catch-all (any first byte can match), when a first byte is not
    // known, or when no route has a first segment (only "/"). The root path "/" never takes the check (it asks for
    // a byte after the '/').
    public static string? AnyRouteFirstBytes(DispatchPlan plan)
    {
        // The Allow tree holds the routes of every method: the literal routes by their whole path ("/health"), the
        // others segment by segment from the root.
        var tree = plan.AllowTree;
        var root = tree.Root;
        if (root is not null && (root.Parameters.Count > 0 || root.CatchAlls.Count > 0))
        {
            return null;
        }

        var firsts = new System.Collections.Generic.SortedSet<byte>();
        var keys = tree.LiteralRoutes.Entries.Where(e => e.Key != "/").Select(e => e.Key.Substring(1))
            .Concat(root is null ? Enumerable.Empty<string>() : root.Literals.Entries.Select(e => e.Key));
        foreach (var key in keys)
        {
            var first = TreeEmitter.FoldedFirstByte(key);
            if (first == 0)
            {
                return null;
            }

            firsts.Add(first);
        }

        return firsts.Count switch
        {
            0 => null,
            1 => CSharpLiterals.Byte(firsts.Min),
            _ => "(" + string.Join(" or ", firsts.Select(CSharpLiterals.Byte)) + ")",
        };
    }

    // The byte lengths of a method's literal routes as a pattern (1 or 6 or 7), so that a path of no such length
    // skips the call; null when there are too many lengths for the check to pay.
    public static string? LiteralLengths(MethodTree method)
    {
        var lengths = method.Tree.LiteralRoutes.Entries
            .Select(e => System.Text.Encoding.UTF8.GetByteCount(e.Key))
            .Distinct()
            .OrderBy(length => length)
            .ToList();
        return lengths.Count > 4 ? null : string.Join(" or ", lengths.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
