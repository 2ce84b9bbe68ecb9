using HyperRoute.Generators.Emitting;
using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>The walk over the routes with parameters: one pass over the path from the left, segment by segment.</summary>
internal sealed partial class TreeEmitter
{
    /// <summary>
    /// Writes the routes with parameters: one walk over <paramref name="path"/> from the left, which finds each
    /// segment once, when a branch needs it, and checks where the path ends only where routes end. In a dispatch
    /// tree (not the <c>Allow</c> tree) the locals <c>decoded</c> and <c>buffer</c> are in scope.
    /// </summary>
    public void WriteParameters(RouteTree tree, string path)
    {
        if (tree.Root is not { } root)
        {
            return;
        }

        _writer.Comment("Routes with parameters: segment by segment from the left; e<n> is where segment n ends.");
        var scopeDepth = _scope.Count;
        _scope.Add((Span, path));
        if (!_leaves.IsAllowTree)
        {
            _scope.Add(("bool", "decoded"));
        }

        _path = path;
        WriteNode(new Group(new[] { root }, null), previousEnd: null, ended: $"{path}.Length == 1", more: $"{path}.Length > 1");
        _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
    }

    // One node of the trie (or the same node of sibling subtrees of one shape): segment Depth starts after the
    // previous segment's end (after the leading '/' at the root) unless the path ended before it ('ended'; 'more'
    // is its negation). Routes that end here need the path to end; everything else needs one more segment.
    private void WriteNode(Group group, string? previousEnd, string ended, string more)
    {
        var node = group.First;
        var atEnd = node.Leaves.Count > 0 || node.CatchAlls.Count > 0;
        var onSegment = !node.Literals.IsEmpty || node.Parameters.Count > 0 || node.CatchAlls.Count > 0;
        if (atEnd)
        {
            _writer.If(ended);
            using (_writer.Braces())
            {
                WriteEnd(group);
            }
        }

        if (!onSegment)
        {
            return;
        }

        _writer.Line(atEnd ? "else" : $"if ({more})");
        using (_writer.Braces())
        {
            WriteSegment(group, previousEnd);
        }
    }

    // The path ended at this node: the routes that end here, then catch-alls, which take the empty rest.
    private void WriteEnd(Group group)
    {
        var node = group.First;
        if (node.Leaves.Count > 0)
        {
            WriteLeaves(group, n => n.Leaves, ownBlock: node.CatchAlls.Count > 0);
        }

        for (var i = 0; i < node.CatchAlls.Count; i++)
        {
            WriteCatchAll(group, i, Span + ".Empty", ownBlock: node.Leaves.Count > 0 || node.CatchAlls.Count > 1);
        }
    }

    // Segment Depth is present: literals, then parameters, then catch-alls, which take the rest of the path.
    private void WriteSegment(Group group, string? previousEnd)
    {
        var node = group.First;
        var depth = node.Depth;
        var segment = "s" + depth;
        var end = "e" + depth;
        var path = _path;
        var start = previousEnd is null ? "1" : "p" + depth;
        if (previousEnd is not null)
        {
            _writer.Line($"var {start} = {Plus(previousEnd, 1)};");
        }

        if (node.Literals.IsEmpty && node.CatchAlls.Count == 0 && node.Parameters.Count == 1 && node.Parameters[0].Segment.ConstraintKey == "int")
        {
            WriteInt32Segment(group, start, previousEnd);
            return;
        }

        if (WriteLoneLiteral(group, start, previousEnd) || WriteSharedSegment(group, start, previousEnd))
        {
            return;
        }

        // A few literals beside other things are compared where the segment starts, with the '/' or the end after
        // them: no scan for the segment's end, which only parameters need.
        var inPlace = node.ComparesLiteralsInPlace;
        if (inPlace)
        {
            WriteLiteralsInPlace(group, start);
        }

        // Only catch-alls here: they take the rest of the path, and no segment needs finding.
        var findsSegment = (!node.Literals.IsEmpty && !inPlace) || node.Parameters.Count > 0;
        if (findsSegment)
        {
            _writer.Line($"var {end} = {RoutePath}.SegmentEnd({path}, {start});");
            _writer.Line($"var {segment} = {path}.Slice({start}, {end} - {start});");
        }

        // What split-out parts below need: this segment and its end, not the previous end.
        var hidden = previousEnd is null ? (-1, default) : Hide(previousEnd);
        var scopeDepth = _scope.Count;
        if (findsSegment)
        {
            _scope.Add((Span, segment));
            _scope.Add(("int", end));
        }

        var childEnded = $"{end} == {path}.Length";
        var childMore = $"{end} < {path}.Length";

        if (!node.Literals.IsEmpty && !inPlace)
        {
            if (group.Selector is null && node.SharesTail)
            {
                WriteSharedLiterals(node, segment, end, childEnded, childMore);
            }
            else
            {
                var decision = node.LiteralDecision!.Select(key => group.Next(n => n.Literals.Get(key)));
                WriteDecision(segment, decision, (e, child) => e.WithoutSegment(segment, () => e.WriteNode(child, end, childEnded, childMore)));
            }
        }

        for (var i = 0; i < node.Parameters.Count; i++)
        {
            var edge = node.Parameters[i];
            var index = i;
            _writer.Comment(string.Join(" or ", edge.Spellings));
            var condition = ConstraintEmitter.Condition(edge.Segment, segment, segment, _names, requireNonEmpty: true, _leaves.IsAllowTree ? null : "decoded", out var parsed);
            _writer.If(condition);
            using (_writer.Braces())
            {
                WithValues(depth, segment, parsed, () => WriteNode(group.Next(n => n.Parameters[index].Child), end, childEnded, childMore));
            }
        }

        if (node.CatchAlls.Count > 0)
        {
            var tail = "t" + depth;
            _writer.Line($"var {tail} = {path}.Slice({start});");
            for (var i = 0; i < node.CatchAlls.Count; i++)
            {
                WriteCatchAll(group, i, tail, ownBlock: node.CatchAlls.Count > 1 || node.Parameters.Count > 0 || !node.Literals.IsEmpty);
            }
        }

        _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
        Restore(hidden);
    }

    // Each literal is compared at 'start' together with what must follow it: a '/' when the routes below it need
    // more segments, else the end of the path or a '/'. Its end is then known without a scan. When the literals
    // start differently, a switch on the first byte (ASCII letters folded to lower case) picks the one to compare.
    private void WriteLiteralsInPlace(Group group, string start)
    {
        var path = _path;
        var byFirst = group.First.Literals.Entries
            .GroupBy(entry => FoldedFirstByte(entry.Key))
            .OrderBy(first => first.Key)
            .ToList();
        if (byFirst.Count < 2)
        {
            WriteLiteralsInPlace(group, start, group.First.Literals.Entries.Select(e => e.Key));
            return;
        }

        // At the root the path is known to go on after its leading '/'; further down the segment may be empty.
        var firstByte = start == "1" ? $"{path}[1] | 0x20" : $"{start} < {path}.Length ? {path}[{start}] | 0x20 : 0";
        _writer.Line($"switch ({firstByte})", "the first byte, letters in lower case");
        using (_writer.Braces())
        {
            foreach (var first in byFirst)
            {
                _writer.Line($"case {CSharpLiterals.Byte(first.Key)}:");
                using (_writer.Indent())
                {
                    WriteLiteralsInPlace(group, start, first.Select(e => e.Key));
                    _writer.Line("break;");
                }
            }
        }
    }

    private void WriteLiteralsInPlace(Group group, string start, IEnumerable<string> keys)
    {
        var path = _path;
        foreach (var key in keys)
        {
            var child = group.Next(n => n.Literals.Get(key));
            var length = System.Text.Encoding.UTF8.GetByteCount(key);
            var end = Plus(start, length);
            var atEnd = child.First.Leaves.Count > 0 || child.First.CatchAlls.Count > 0;
            if (!atEnd)
            {
                // The '/' is part of the comparison: the routes below need another segment.
                _writer.If($"{AtLeast(path, start, length + 1)} && {Literal}.EqualsLower({path}.Slice({start}, {length + 1}), {CSharpLiterals.Utf8(key + "/")})");
                using (_writer.Braces())
                {
                    WriteSegment(child, end);
                }

                continue;
            }

            var onSegment = !child.First.Literals.IsEmpty || child.First.Parameters.Count > 0 || child.First.CatchAlls.Count > 0;
            if (!onSegment)
            {
                // Routes only end here: the literal is the rest of the path.
                _writer.If($"{path}.Length == {end} && {Literal}.EqualsLower({path}.Slice({start}, {length}), {CSharpLiterals.Utf8(key)})");
                using (_writer.Braces())
                {
                    WriteEnd(child);
                }

                continue;
            }

            _writer.If($"{Literal}.IsSegment({path}, {start}, {CSharpLiterals.Utf8(key)})");
            using (_writer.Braces())
            {
                WriteNode(child, end, ended: $"{end} == {path}.Length", more: $"{end} < {path}.Length");
            }
        }
    }

    /// <summary>
    /// The first byte of a literal as the generated code tests it (<c>path[start] | 0x20</c>): a literal is never empty
    /// here (an empty segment is a parameter's business), but an empty key would fold to 0, which no path byte does.
    /// </summary>
    public static byte FoldedFirstByte(string key)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(key);
        return bytes.Length == 0 ? (byte)0 : (byte)(bytes[0] | 0x20);
    }

    // 'path' holds at least 'count' bytes from 'start' on.
    private static string AtLeast(string path, string start, int count)
        => int.TryParse(start, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? $"{path}.Length >= {Plus(start, count)}"
            : $"{path}.Length - {start} >= {count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    // 'expression' + 'value', folded where 'expression' is a number or ends in "+ number": "6", "p1 + 6".
    private static string Plus(string expression, int value)
    {
        if (int.TryParse(expression, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return (number + value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var plus = expression.LastIndexOf(" + ", StringComparison.Ordinal);
        if (plus > 0 && int.TryParse(expression.Substring(plus + 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var added))
        {
            return $"{expression.Substring(0, plus)} + {(added + value).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return $"{expression} + {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    // The one thing that can come here is {x:int}: parse it where the segment starts, which also finds its end.
    private void WriteInt32Segment(Group group, string start, string? previousEnd)
    {
        var node = group.First;
        var depth = node.Depth;
        var segment = "s" + depth;
        var end = "e" + depth;
        var path = _path;
        var local = _names.Unique(segment + "Int32");
        _writer.Comment(string.Join(" or ", node.Parameters[0].Spellings) + ", parsed from where the segment starts");
        _writer.Call($"var {end} = {RoutePath}.Int32SegmentEnd({path}, {start}, out int {local});");
        _writer.If($"{end} >= 0");
        using (_writer.Braces())
        {
            _writer.Line($"var {segment} = {RoutePath}.Segment({path}, {start}, {end});");
            var hidden = previousEnd is null ? (-1, default) : Hide(previousEnd);
            var scopeDepth = _scope.Count;
            _scope.Add((Span, segment));
            _scope.Add(("int", end));
            var parsed = new Dictionary<HyperRoute.Generators.Routing.RouteValueType, string> { [HyperRoute.Generators.Routing.RouteValueType.Int32] = local };
            WithValues(depth, segment, parsed, () => WriteNode(group.Next(n => n.Parameters[0].Child), end, $"{end} == {path}.Length", $"{end} < {path}.Length"));
            _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
            Restore(hidden);
        }
    }

    // Many literals whose subtrees have one shape (/api/v1/resource{i}/items/{id:int} for 500 values of i): a
    // method of its own finds which literal the segment is, the rest of the path is matched once for all of them,
    // and where routes end a switch on the literal's position picks the route.
    private void WriteSharedLiterals(TrieNode node, string segment, string end, string childEnded, string childMore)
    {
        var entries = node.Literals.Entries.ToList();
        var selector = _names.Unique("k" + node.Depth);
        var index = LiteralIndexWriter.Write(_methods, segment, entries.Select(e => e.Key).ToList(), node.LiteralWords!);
        _writer.Comment($"{entries.Count} literals that lead on alike: which one {segment} is, then the rest of the path once for all of them");
        _writer.Line($"var {selector} = {index}({segment});");
        _writer.If($"{selector} >= 0");
        using (_writer.Braces())
        {
            _scope.Add(("int", selector));
            WithoutSegment(segment, () => WriteNode(new Group(entries.Select(e => e.Value).ToList(), selector), end, childEnded, childMore));
            _scope.RemoveAt(_scope.Count - 1);
        }
    }

    // Takes a local out of the scope split-out parts receive; Restore puts it back where it was.
    private (int Index, (string Type, string Name) Local) Hide(string name)
    {
        var index = _scope.FindIndex(local => local.Name == name);
        if (index < 0)
        {
            return (-1, default);
        }

        var local = _scope[index];
        _scope.RemoveAt(index);
        return (index, local);
    }

    private void Restore((int Index, (string Type, string Name) Local) hidden)
    {
        if (hidden.Index >= 0)
        {
            _scope.Insert(hidden.Index, hidden.Local);
        }
    }

    // A literal segment that matched is not needed below it.
    private void WithoutSegment(string segment, Action write)
    {
        var hidden = Hide(segment);
        write();
        Restore(hidden);
    }

    // A catch-all at this node: 'value' is the rest of the path from the node's segment on, or empty.
    private void WriteCatchAll(Group group, int index, string value, bool ownBlock)
    {
        var node = group.First;
        var edge = node.CatchAlls[index];
        var isEmpty = value.EndsWith(".Empty", StringComparison.Ordinal);
        var condition = ConstraintEmitter.Condition(edge.Segment, value, "t" + node.Depth, _names, requireNonEmpty: false, _leaves.IsAllowTree || isEmpty ? null : "decoded", out var parsed);
        _writer.Comment(string.Join(" or ", edge.Spellings) + (isEmpty ? " is empty here" : " takes the rest of the path"));
        if (condition == "true")
        {
            WithValues(node.Depth, value, parsed, () => WriteLeaves(group, n => n.CatchAlls[index].Child.Leaves, ownBlock));
            return;
        }

        _writer.If(condition);
        using (_writer.Braces())
        {
            WithValues(node.Depth, value, parsed, () => WriteLeaves(group, n => n.CatchAlls[index].Child.Leaves, ownBlock: false));
        }
    }

    private void WithValues(int depth, string value, Dictionary<HyperRoute.Generators.Routing.RouteValueType, string> parsed, Action write)
    {
        var scopeDepth = _scope.Count;
        foreach (var local in parsed)
        {
            _scope.Add((local.Key.Generated(), local.Value));
        }

        _values.Set(depth, value, parsed);
        write();
        _values.Remove(depth);
        _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
    }

    private void WriteLeaves(Group group, Func<TrieNode, IReadOnlyList<RouteLeaf>> leavesOf, bool ownBlock)
    {
        if (group.Selector is not null)
        {
            WriteSelected(group.Selector, group.Nodes.Select(leavesOf).ToList());
            return;
        }

        if (!ownBlock)
        {
            _leaves.Write(_writer, leavesOf(group.First), _values, _names);
            return;
        }

        using (_writer.Braces())
        {
            _leaves.Write(_writer, leavesOf(group.First), _values, _names);
        }
    }

    /// <summary>
    /// Nodes at the same place in sibling subtrees of one shape, walked as one; <see cref="Selector"/> is the local
    /// that says which sibling the path went through (<see langword="null"/> for a single node).
    /// </summary>
    private sealed class Group
    {
        public Group(IReadOnlyList<TrieNode> nodes, string? selector)
        {
            Nodes = nodes;
            Selector = selector;
        }

        public IReadOnlyList<TrieNode> Nodes { get; }

        public string? Selector { get; }

        public TrieNode First => Nodes[0];

        public Group Next(Func<TrieNode, TrieNode> step) => new(Nodes.Select(step).ToList(), Selector);
    }
}
