using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HyperRoute.Generators.Routing;

/// <summary>Segments that can only be one literal: compared where they start, so their ends need no scan.</summary>
internal sealed partial class TreeEmitter
{
    // Segment Depth can only be one literal (no parameter or catch-all beside it: /api in /api/v1/...): the bytes where
    // it starts are compared with the literal and the '/' or the end after it (Utf8Literal.IsSegment), and its end is
    // the start plus the literal's length. Segments after it that can only be one literal too, with no route ending
    // between them, are compared in the same call (api/v1). What follows starts at a known offset, not after a scan.
    private bool WriteLoneLiteral(Group group, string start, string? previousEnd)
    {
        if (LoneLiteral(group.First) is not { } first)
        {
            return false;
        }

        var literals = new List<string> { first };
        var next = group.Next(n => n.Literals.Get(first));
        while (next.First.Leaves.Count == 0 && LoneLiteral(next.First) is { } literal)
        {
            literals.Add(literal);
            next = next.Next(n => n.Literals.Get(literal));
        }

        var joined = string.Join("/", literals);
        var end = "e" + (group.First.Depth + literals.Count - 1);
        var length = Encoding.UTF8.GetByteCount(joined);
        var path = _path;
        if (literals.Count > 1)
        {
            _writer.Comment($"{joined}: {literals.Count} segments that can only be these literals, compared at once");
        }

        _writer.If($"{Literal}.IsSegment({path}, {start}, {CSharpLiterals.Utf8(joined)})");
        using (_writer.Braces())
        {
            _writer.Line($"var {end} = {Plus(start, length)};");
            var hidden = previousEnd is null ? (-1, default) : Hide(previousEnd);
            var scopeDepth = _scope.Count;
            _scope.Add(("int", end));
            WriteNode(next, end, $"{end} == {path}.Length", $"{end} < {path}.Length");
            _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
            Restore(hidden);
        }

        return true;
    }

    // The literal a segment at this node must be, when it can be nothing else.
    private static string? LoneLiteral(TrieNode node)
        => node.Parameters.Count == 0 && node.CatchAlls.Count == 0 && node.Literals.Entries.Take(2).Count() == 1
            ? node.Literals.Entries.First().Key
            : null;
}
