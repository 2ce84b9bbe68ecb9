using System.Linq;
using System.Text;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// The shape of a subtree of the trie: its literals, parameters (by the values they accept), catch-alls and where
/// routes end, but not which routes. Sibling subtrees of one shape can be matched by the same code, with the
/// routes told apart only where they end (<c>/api/v1/resource{i}/items/{id:int}</c> for 500 values of i).
/// </summary>
internal static class TrieShape
{
    /// <summary>
    /// <see langword="true"/> when <paramref name="node"/> has more than <paramref name="threshold"/> literal
    /// children and all of them have one shape.
    /// </summary>
    public static bool SharesTail(TrieNode node, int threshold)
    {
        var children = node.Literals.Entries.Select(e => e.Value).ToList();
        if (children.Count <= threshold)
        {
            return false;
        }

        var first = Of(children[0]);
        return children.Skip(1).All(child => Of(child) == first);
    }

    /// <summary>A string that two subtrees share exactly when they have one shape.</summary>
    public static string Of(TrieNode node)
    {
        var shape = new StringBuilder();
        Write(shape, node);
        return shape.ToString();
    }

    private static void Write(StringBuilder shape, TrieNode node)
    {
        shape.Append(node.Leaves.Count > 0 ? "end" : "");
        foreach (var literal in node.Literals.Entries)
        {
            shape.Append("|l:").Append(literal.Key).Append('(');
            Write(shape, literal.Value);
            shape.Append(')');
        }

        foreach (var edge in node.Parameters)
        {
            shape.Append("|p:").Append(edge.Segment.ConstraintKey).Append('(');
            Write(shape, edge.Child);
            shape.Append(')');
        }

        foreach (var edge in node.CatchAlls)
        {
            shape.Append("|c:").Append(edge.Segment.ConstraintKey);
        }
    }
}
