using System;
using System.Collections.Generic;
using System.Linq;
using HyperRoute.Generators.Planning;

namespace HyperRoute.Generators.Emitting;

/// <summary>What to write where routes end: a handler call (dispatch) or an <c>Allow</c> flag (405).</summary>
internal interface ILeafWriter
{
    /// <summary><see langword="true"/> when the tree computes <c>allow</c> flags rather than calling handlers.</summary>
    bool IsAllowTree { get; }

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
    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string Match = "global::HyperRoute.RouteMatch";

    private readonly SourceWriter _writer;
    private readonly ILeafWriter _leaves;
    private readonly NameScope _names;
    private readonly GeneratedMethods _methods;
    private readonly PathValues _values;

    // The locals in scope that a split-out part needs as parameters: segments, tails, parsed values.
    private readonly List<(string Type, string Name)> _scope;

    public TreeEmitter(SourceWriter writer, ILeafWriter leaves, NameScope names, GeneratedMethods methods)
        : this(writer, leaves, names, methods, new PathValues(), new List<(string Type, string Name)>())
    {
    }

    private TreeEmitter(SourceWriter writer, ILeafWriter leaves, NameScope names, GeneratedMethods methods, PathValues values, List<(string Type, string Name)> scope)
    {
        _writer = writer;
        _leaves = leaves;
        _names = names;
        _methods = methods;
        _values = values;
        _scope = scope;
    }

    /// <summary>Writes the whole tree over <paramref name="path"/>, a normalized path.</summary>
    public void Write(RouteTree tree, string path)
    {
        WriteLiterals(tree, path);
        if (!tree.LiteralRoutes.IsEmpty && HasParameters(tree))
        {
            _writer.Line();
        }

        WriteParameters(tree, path);
    }

    /// <summary><see langword="true"/> when the tree has routes with parameters.</summary>
    public static bool HasParameters(RouteTree tree) => tree.Counts.Count > 0 || tree.Rest is not null;

    /// <summary>Writes the routes made only of literals: one switch over the whole path.</summary>
    public void WriteLiterals(RouteTree tree, string path)
    {
        if (tree.LiteralRoutes.IsEmpty)
        {
            return;
        }

        _writer.Line("// Routes of literals only: the whole path is compared at once.");
        var decision = LiteralPlanner.Plan(tree.LiteralRoutes, switchOnLength: true);
        _scope.Add((Span, path));
        WriteDecision(path, decision, (e, leaves) => e._leaves.Write(e._writer, leaves, e._values, e._names));
        _scope.RemoveAt(_scope.Count - 1);
    }

    /// <summary>Writes the routes with parameters: a switch over the segment count, then a trie per count.</summary>
    public void WriteParameters(RouteTree tree, string path)
    {
        if (!HasParameters(tree))
        {
            return;
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
            var scopeDepth = _scope.Count;
            for (var i = 0; i < count.SegmentsToRead; i++)
            {
                if (count.Tails.Contains(i))
                {
                    _writer.Line($"var t{i} = rest;");
                    _scope.Add((Span, "t" + i));
                }

                _writer.Line($"var s{i} = {RoutePath}.NextSegment(ref rest);");
                _scope.Add((Span, "s" + i));
            }

            foreach (var tail in count.Tails.Where(t => t >= count.SegmentsToRead))
            {
                _writer.Line($"var t{tail} = rest;");
                _scope.Add((Span, "t" + tail));
            }

            WriteNode(count.Root, count);
            _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
            _writer.Line("break;");
        }
    }

    private void WriteNode(TrieNode node, CountCase count)
    {
        var segment = "s" + node.Depth;
        if (!node.Literals.IsEmpty)
        {
            var decision = LiteralPlanner.Plan(node.Literals, switchOnLength: node.Literals.Entries.Skip(1).Any());
            WriteDecision(segment, decision, (e, child) => e.WriteNode(child, count));
        }

        foreach (var edge in node.Parameters)
        {
            _writer.Line("// " + string.Join(" or ", edge.Spellings));
            var condition = ConstraintEmitter.Condition(edge.Segment, segment, segment, _names, requireNonEmpty: true, out var parsed);
            _writer.Line($"if ({condition})");
            using (_writer.Braces())
            {
                WithValues(node.Depth, segment, parsed, () => WriteNode(edge.Child, count));
            }
        }

        if (node.Leaves.Count > 0)
        {
            WriteLeaves(node.Leaves, ownBlock: node.CatchAlls.Count > 0 || node.Parameters.Count > 0 || !node.Literals.IsEmpty);
        }

        foreach (var edge in node.CatchAlls)
        {
            var value = count.Tails.Contains(node.Depth) ? "t" + node.Depth : Span + ".Empty";
            var condition = ConstraintEmitter.Condition(edge.Segment, value, "t" + node.Depth, _names, requireNonEmpty: false, out var parsed);
            _writer.Line("// " + string.Join(" or ", edge.Spellings) + (value.StartsWith("t", StringComparison.Ordinal) ? " takes the rest of the path" : " is empty here"));
            if (condition == "true")
            {
                var ownBlock = node.Leaves.Count > 0 || node.CatchAlls.Count > 1 || node.Parameters.Count > 0 || !node.Literals.IsEmpty;
                WithValues(node.Depth, value, parsed, () => WriteLeaves(edge.Child.Leaves, ownBlock));
                continue;
            }

            _writer.Line($"if ({condition})");
            using (_writer.Braces())
            {
                WithValues(node.Depth, value, parsed, () => WriteLeaves(edge.Child.Leaves, ownBlock: false));
            }
        }
    }

    private void WithValues(int depth, string value, Dictionary<HyperRoute.Common.Routing.RouteValueType, string> parsed, Action write)
    {
        var scopeDepth = _scope.Count;
        foreach (var local in parsed)
        {
            _scope.Add((HyperRoute.Common.Routing.RouteValueTypeFacts.CSharpName(local.Key), local.Value));
        }

        _values.Set(depth, value, parsed);
        write();
        _values.Remove(depth);
        _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
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

    // Writes a branch of a large switch as a call to a method of its own that holds it.
    private void Part(string description, Action<TreeEmitter> body)
    {
        var name = _methods.NextPartName();
        var part = new SourceWriter(_methods.Indent);
        var parameters = _scope.Select(p => $"{p.Type} {p.Name}").ToList();
        var arguments = _scope.Select(p => p.Name).ToList();
        var names = new NameScope();
        foreach (var (_, parameterName) in _scope)
        {
            names.Unique(parameterName);
        }

        part.Line();
        part.Line($"/// <summary>Part of <see cref=\"{_methods.BaseName}\"/>: {CSharpLiterals.Xml(description)}.</summary>");
        part.Line(GeneratedMethods.GeneratedCode);
        if (_leaves.IsAllowTree)
        {
            part.Line($"private static global::HyperRoute.HttpMethods {name}({string.Join(", ", parameters)})");
            using (part.Braces())
            {
                part.Line("var allow = global::HyperRoute.HttpMethods.None;");
                body(new TreeEmitter(part, _leaves, names, _methods, _values, new List<(string Type, string Name)>(_scope)));
                part.Line();
                part.Line("return allow;");
            }

            _writer.Line($"allow |= {name}({string.Join(", ", arguments)});");
        }
        else
        {
            var outResult = _methods.ResultType is null ? "" : $", out {_methods.ResultType} result";
            var passResult = _methods.ResultType is null ? "" : ", out result";
            parameters.Insert(0, $"{Span} query");
            arguments.Insert(0, "query");
            if (_methods.HasExchange)
            {
                parameters.Insert(1, "global::HyperRoute.Http.HttpExchange exchange");
                arguments.Insert(1, "exchange");
            }
            part.Line($"private {_methods.Modifier}{Match} {name}({string.Join(", ", parameters)}, scoped ref global::HyperRoute.Routing.DecodeBuffer buffer{outResult})");
            using (part.Braces())
            {
                if (_methods.ResultType is not null)
                {
                    part.Line($"result = {_methods.ResultDefault};");
                }

                body(new TreeEmitter(part, _leaves, names, _methods, _values, new List<(string Type, string Name)>(_scope)));
                part.Line();
                part.Line($"return {Match}.NotFound;");
            }

            var found = _names.Unique("found");
            _writer.Line($"var {found} = {name}({string.Join(", ", arguments)}, ref buffer{passResult});");
            _writer.Line($"if ({found}.Outcome != global::HyperRoute.RouteOutcome.NotFound)");
            using (_writer.Braces())
            {
                _writer.Line($"return {found};");
            }
        }

        _methods.Parts.Add(part);
    }

    // The number of literals a decision tells apart.
    private static int Weight<T>(LiteralDecision<T> decision) => decision switch
    {
        LengthSwitch<T> lengths => lengths.Cases.Sum(c => Weight(c.Value)),
        ByteSwitch<T> bytes => bytes.Cases.Sum(c => Weight(c.Value)),
        _ => 1,
    };

    private static string FirstLiteral<T>(LiteralDecision<T> decision) => decision switch
    {
        LengthSwitch<T> lengths => FirstLiteral(lengths.Cases[0].Value),
        ByteSwitch<T> bytes => FirstLiteral(bytes.Cases[0].Value),
        LiteralCompare<T> compare => compare.Literal,
        _ => "",
    };

    // Writes one case of a switch: inline, or, when the switch is large and the case still holds several
    // literals, in a method of its own (which splits again if it is large itself).
    private void WriteBranch<T>(string value, LiteralDecision<T> parent, LiteralDecision<T> decision, Action<TreeEmitter, T> onMatch)
    {
        if (Weight(parent) > GeneratedMethods.SplitThreshold && Weight(decision) > 1)
        {
            Part($"{value} among {Weight(decision)} literals from \"{FirstLiteral(decision)}\"", e => e.WriteDecision(value, decision, onMatch));
            return;
        }

        WriteDecision(value, decision, onMatch);
    }

    private void WriteDecision<T>(string value, LiteralDecision<T> decision, Action<TreeEmitter, T> onMatch)
    {
        switch (decision)
        {
            case LiteralCompare<T> compare:
                _writer.Line($"if ({Literal}.EqualsLower({value}, {CSharpLiterals.Utf8(compare.Literal)}))");
                using (_writer.Braces())
                {
                    onMatch(this, compare.Value);
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
                            WriteBranch(value, decision, @case.Value, onMatch);
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
                            WriteBranch(value, decision, @case.Value, onMatch);
                            _writer.Line("break;");
                        }
                    }
                }

                break;
        }
    }
}
