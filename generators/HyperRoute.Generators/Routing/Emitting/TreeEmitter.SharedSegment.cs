using HyperRoute.Generators.Emitting;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Many literals that lead on alike, as the only thing a segment can be: found without a scan for its end.</summary>
internal sealed partial class TreeEmitter
{
    // Segment Depth can only be one of many literals whose subtrees have one shape (resource{i} in
    // /api/v1/resource{i}/items/{id:int}): a method of its own finds which literal it is and where it ends, from the
    // literals' lengths rather than a scan (LiteralIndexWriter.WriteSegment); the rest of the path is matched once for
    // all of them, and where routes end a switch on the literal's position picks the route.
    private bool WriteSharedSegment(Group group, string start, string? previousEnd)
    {
        var node = group.First;
        if (group.Selector is not null || node.Parameters.Count > 0 || node.CatchAlls.Count > 0 || !node.SharesTail)
        {
            return false;
        }

        var entries = node.Literals.Entries.ToList();
        var end = "e" + node.Depth;
        var path = _path;
        var selector = _names.Unique("k" + node.Depth);
        var index = LiteralIndexWriter.WriteSegment(_methods, entries.Select(e => e.Key).ToList(), node.LiteralWords!);
        _writer.Comment($"{entries.Count} literals that lead on alike: which one segment {node.Depth} is ({selector}) and where it ends, then the rest of the path once for all of them");
        var found = _names.Unique("found" + node.Depth);
        _writer.Line($"var {found} = {index}({path}, {start});");
        _writer.Line($"var {end} = {found}.End;");
        _writer.Line($"var {selector} = {found}.Position;");
        _writer.If($"{end} >= 0");
        using (_writer.Braces())
        {
            var hidden = previousEnd is null ? (-1, default) : Hide(previousEnd);
            var scopeDepth = _scope.Count;
            _scope.Add(("int", end));
            _scope.Add(("int", selector));
            WriteNode(new Group(entries.Select(e => e.Value).ToList(), selector), end, $"{end} == {path}.Length", $"{end} < {path}.Length");
            _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
            Restore(hidden);
        }

        return true;
    }
}
