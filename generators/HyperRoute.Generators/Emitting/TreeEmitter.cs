using System;
using System.Collections.Generic;
using System.Linq;
using HyperRoute.Generators.Planning;

namespace HyperRoute.Generators.Emitting;

/// <summary>What to write where routes end: a handler call (dispatch) or an <c>Allow</c> flag (405).</summary>
internal interface ILeafWriter
{
    /// <summary>
    /// Writes the statements for the routes that end at one place, best first. The caller puts them in a block
    /// of their own, so the locals they declare cannot collide.
    /// </summary>
    void Write(SourceWriter writer, IReadOnlyList<RouteLeaf> leaves, PathValues values, NameScope names);
}

/// <summary>Writes a <see cref="RouteTree"/> as nested switches and ifs. Every failed branch falls through to the next alternative.</summary>
internal sealed class TreeEmitter
{
    private const string Literal = "global::HyperRoute.Routing.Utf8Literal";
    private const string RoutePath = "global::HyperRoute.Routing.RoutePath";

    private readonly SourceWriter _writer;
    private readonly ILeafWriter _leaves;
    private readonly NameScope _names;
    private readonly PathValues _values = new();

    public TreeEmitter(SourceWriter writer, ILeafWriter leaves, NameScope names)
    {
        _writer = writer;
        _leaves = leaves;
        _names = names;
    }

    /// <summary>Writes the tree over <paramref name="path"/>, a normalized path.</summary>
    public void Write(RouteTree tree, string path)
    {
        if (!tree.LiteralRoutes.IsEmpty)
        {
            _writer.Line("// Routes of literals only: the whole path is compared at once.");
            WriteDecision(path, LiteralPlanner.Plan(tree.LiteralRoutes, switchOnLength: true), leaves => _leaves.Write(_writer, leaves, _values, _names));
        }

        if (tree.Counts.Count == 0 && tree.Rest is null)
        {
            return;
        }

        if (!tree.LiteralRoutes.IsEmpty)
        {
            _writer.Line();
        }

        _writer.Line("// Routes with parameters: by segment count, then segment by segment.");
        _writer.Line($"var rest = {path}.Slice(1);");
        _writer.Line($"switch ({RoutePath}.CountSegments({path}))");
        using (_writer.Braces())
        {
            foreach (var count in tree.Counts)
            {
                _writer.Line($"case {count.Count}:");
                WriteCase(count);
            }

            if (tree.Rest is { } rest)
            {
                var max = tree.Counts.Count == 0 ? rest.SegmentsToRead : Math.Max(tree.Counts.Max(c => c.Count), rest.SegmentsToRead);
                _writer.Line($"case > {max}:");
                WriteCase(rest);
            }
        }
    }

    private void WriteCase(CountCase count)
    {
        using (_writer.Braces())
        {
            for (var i = 0; i < count.SegmentsToRead; i++)
            {
                if (count.Tails.Contains(i))
                {
                    _writer.Line($"var t{i} = rest;");
                }

                _writer.Line($"var s{i} = {RoutePath}.NextSegment(ref rest);");
            }

            foreach (var tail in count.Tails.Where(t => t >= count.SegmentsToRead))
            {
                _writer.Line($"var t{tail} = rest;");
            }

            WriteNode(count.Root, count);
            _writer.Line("break;");
        }
    }

    private void WriteNode(TrieNode node, CountCase count)
    {
        var segment = "s" + node.Depth;
        if (!node.Literals.IsEmpty)
        {
            WriteDecision(segment, LiteralPlanner.Plan(node.Literals, switchOnLength: node.Literals.Entries.Skip(1).Any()), child => WriteNode(child, count));
        }

        foreach (var edge in node.Parameters)
        {
            _writer.Line("// " + string.Join(" or ", edge.Spellings));
            var condition = ConstraintEmitter.Condition(edge.Segment, segment, segment, _names, requireNonEmpty: true, out var parsed);
            _writer.Line($"if ({condition})");
            using (_writer.Braces())
            {
                _values.Set(node.Depth, segment, parsed);
                WriteNode(edge.Child, count);
                _values.Remove(node.Depth);
            }
        }

        if (node.Leaves.Count > 0)
        {
            WriteLeaves(node.Leaves, ownBlock: node.CatchAlls.Count > 0 || node.Parameters.Count > 0 || !node.Literals.IsEmpty);
        }

        foreach (var edge in node.CatchAlls)
        {
            var value = count.Tails.Contains(node.Depth) ? "t" + node.Depth : "global::System.ReadOnlySpan<byte>.Empty";
            var condition = ConstraintEmitter.Condition(edge.Segment, value, "t" + node.Depth, _names, requireNonEmpty: false, out var parsed);
            _writer.Line("// " + string.Join(" or ", edge.Spellings) + (value.StartsWith("t", StringComparison.Ordinal) ? " takes the rest of the path" : " is empty here"));
            if (condition == "true")
            {
                _values.Set(node.Depth, value, parsed);
                WriteLeaves(edge.Child.Leaves, ownBlock: node.Leaves.Count > 0 || node.CatchAlls.Count > 1 || node.Parameters.Count > 0 || !node.Literals.IsEmpty);
                _values.Remove(node.Depth);
                continue;
            }

            _writer.Line($"if ({condition})");
            using (_writer.Braces())
            {
                _values.Set(node.Depth, value, parsed);
                _leaves.Write(_writer, edge.Child.Leaves, _values, _names);
                _values.Remove(node.Depth);
            }
        }
    }

    private void WriteLeaves(IReadOnlyList<RouteLeaf> leaves, bool ownBlock)
    {
        if (!ownBlock)
        {
            _leaves.Write(_writer, leaves, _values, _names);
            return;
        }

        using (_writer.Braces())
        {
            _leaves.Write(_writer, leaves, _values, _names);
        }
    }

    private void WriteDecision<T>(string value, LiteralDecision<T> decision, Action<T> onMatch)
    {
        switch (decision)
        {
            case LiteralCompare<T> compare:
                _writer.Line($"if ({Literal}.EqualsLower({value}, {CSharpLiterals.Utf8(compare.Literal)}))");
                using (_writer.Braces())
                {
                    onMatch(compare.Value);
                }

                break;

            case LengthSwitch<T> lengths:
                _writer.Line($"switch ({value}.Length)");
                using (_writer.Braces())
                {
                    foreach (var @case in lengths.Cases)
                    {
                        _writer.Line($"case {@case.Key}:");
                        using (_writer.Indent())
                        {
                            WriteDecision(value, @case.Value, onMatch);
                            _writer.Line("break;");
                        }
                    }
                }

                break;

            case ByteSwitch<T> bytes:
                _writer.Line($"switch ({Literal}.Lower({value}[{bytes.Position}]))");
                using (_writer.Braces())
                {
                    foreach (var @case in bytes.Cases)
                    {
                        _writer.Line($"case {CSharpLiterals.Byte(@case.Key)}:");
                        using (_writer.Indent())
                        {
                            WriteDecision(value, @case.Value, onMatch);
                            _writer.Line("break;");
                        }
                    }
                }

                break;
        }
    }
}
