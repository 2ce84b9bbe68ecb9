using HyperRoute.Generators.Emitting;
using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

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
internal sealed partial class TreeEmitter
{
    private const string Literal = "Routing::Utf8Literal";
    private const string RoutePath = "Routing::RoutePath";
    private const string Span = "System::ReadOnlySpan<byte>";
    private const string Match = "HyperRoute::RouteMatch";

    private readonly SourceWriter _writer;
    private readonly ILeafWriter _leaves;
    private readonly NameScope _names;
    private readonly GeneratedMethods _methods;
    private readonly PathValues _values;

    // The locals in scope that a split-out part needs as parameters: segments, tails, parsed values.
    private readonly List<(string Type, string Name)> _scope;

    // The name of the path local the parameter walk reads.
    private string _path = "path";

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
    public static bool HasParameters(RouteTree tree) => tree.Root is not null;

    /// <summary>
    /// Writes the routes made only of literals: one switch over the whole path. Past <see cref="PlanLimits.SplitThreshold"/>
    /// routes, a dispatch tree switches on the path's length and then on one of its 8-byte words, and runs the route in
    /// the case that matched; the <c>Allow</c> tree asks a method of its own which literal the path is, and a switch on
    /// that position picks the methods.
    /// </summary>
    public void WriteLiterals(RouteTree tree, string path)
    {
        if (tree.LiteralRoutes.IsEmpty)
        {
            return;
        }

        _scope.Add((Span, path));
        var entries = tree.LiteralRoutes.Entries.ToList();
        if (tree.LiteralRoutesWords is { } words && !_leaves.IsAllowTree)
        {
            WriteWordLiterals(path, words, tree.InlineWordGroups, entries.Select(e => (IReadOnlyList<RouteLeaf>)e.Value).ToList());
        }
        else if (tree.LiteralRoutesWords is not null)
        {
            _writer.Comment($"{entries.Count} routes of literals only: which one the whole path is, then its route.");
            var selector = _names.Unique("route");
            var index = LiteralIndexWriter.Write(_methods, path, entries.Select(e => e.Key).ToList(), tree.LiteralRoutesWords!);
            _writer.Line($"var {selector} = {index}({path});");
            _writer.If($"{selector} >= 0");
            using (_writer.Braces())
            {
                _scope.Add(("int", selector));
                WriteSelected(selector, entries.Select(e => (IReadOnlyList<RouteLeaf>)e.Value).ToList());
                _scope.RemoveAt(_scope.Count - 1);
            }
        }
        else
        {
            _writer.Comment("Routes of literals only: the whole path is compared at once.");
            var decision = tree.LiteralRoutesDecision!.Select(key => tree.LiteralRoutes.Get(key));
            WriteDecision(path, decision, (e, leaves) => e._leaves.Write(e._writer, leaves, e._values, e._names));
        }

        _scope.RemoveAt(_scope.Count - 1);
    }

    // Writes a branch of a large switch as a call to a method of its own that holds it. The part takes, of the
    // locals in scope (and query, exchange, buffer), only those its code reads: fewer arguments, cheaper calls.
    private void Part(string description, Action<TreeEmitter> body)
    {
        var name = _methods.NextPartName();
        var names = new NameScope();
        foreach (var (_, parameterName) in _scope)
        {
            names.Unique(parameterName);
        }

        var inner = new SourceWriter(_methods.Indent + 1);
        body(new TreeEmitter(inner, _leaves, names, _methods, _values, new List<(string Type, string Name)>(_scope)));
        var code = inner.ToString();
        var used = _scope.Where(local => Reads(code, local.Name)).ToList();
        var parameters = used.Select(p => $"{p.Type} {p.Name}").ToList();
        var arguments = used.Select(p => p.Name).ToList();

        var part = new SourceWriter(_methods.Indent);
        part.Line();
        part.Doc($"Part of <see cref=\"{_methods.BaseName}\"/>: {CSharpLiterals.Xml(description)}.");
        part.Line(GeneratedMethods.GeneratedCode);
        if (_leaves.IsAllowTree)
        {
            part.Declaration($"private static HyperRoute::HttpMethods {name}({string.Join(", ", parameters)})");
            using (part.Braces())
            {
                part.Line("var allow = HyperRoute::HttpMethods.None;");
                part.Append(inner);
                part.Line();
                part.Line("return allow;");
            }

            _writer.Call($"allow |= {name}({string.Join(", ", arguments)});");
        }
        else
        {
            foreach (var (parameter, argument, contextName) in _methods.Context.Reverse())
            {
                if (Reads(code, contextName))
                {
                    parameters.Insert(0, parameter);
                    arguments.Insert(0, argument);
                }
            }

            if (_methods.HasExchange && Reads(code, "exchange"))
            {
                parameters.Insert(0, "Http::HttpExchange exchange");
                arguments.Insert(0, "exchange");
            }

            if (Reads(code, "query"))
            {
                parameters.Insert(0, $"{Span} query");
                arguments.Insert(0, "query");
            }

            if (Reads(code, "buffer"))
            {
                parameters.Add("scoped ref Routing::DecodeBuffer buffer");
                arguments.Add("ref buffer");
            }

            if (_methods.ResultType is not null)
            {
                parameters.Add($"out {_methods.ResultType} result");
                arguments.Add("out result");
            }

            // The router, first, for the instance handlers the part calls (a mention in a comment only costs an argument).
            if (_methods.Router is not null && Reads(code, "router"))
            {
                parameters.Insert(0, _methods.Router);
                arguments.Insert(0, _methods.PassRouter!);
            }

            part.Declaration($"private static {Match} {name}({string.Join(", ", parameters)})");
            using (part.Braces())
            {
                if (_methods.ResultType is not null)
                {
                    part.Line($"result = {_methods.ResultDefault};");
                }

                part.Append(inner);
                part.Line();
                part.Line($"return {Match}.NotFound;");
            }

            var found = _names.Unique("found");
            _writer.Call($"var {found} = {name}({string.Join(", ", arguments)});");
            _writer.If($"{found}.Outcome != HyperRoute::RouteOutcome.NotFound");
            using (_writer.Braces())
            {
                _writer.Line($"return {found};");
            }
        }

        _methods.Parts.Add(part);
    }

    // Whether generated code mentions a local (a whole identifier; a mention in a comment only costs an argument).
    private static bool Reads(string code, string local)
    {
        for (var at = code.IndexOf(local, StringComparison.Ordinal); at >= 0; at = code.IndexOf(local, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : code[at - 1];
            var after = at + local.Length == code.Length ? ' ' : code[at + local.Length];
            if (!IsIdentifierPart(before) && before != '@' && !IsIdentifierPart(after))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    // Writes one case of a switch: inline, or in a method of its own (which splits again if it is large itself).
    private void WriteBranch<T>(string value, LiteralDecision<T> decision, bool ownMethod, Action<TreeEmitter, T> onMatch)
    {
        if (ownMethod)
        {
            Part($"{value} among {decision.Weight} literals from \"{decision.FirstLiteral}\"", e => e.WriteDecision(value, decision, onMatch));
            return;
        }

        WriteDecision(value, decision, onMatch);
    }

    private void WriteDecision<T>(string value, LiteralDecision<T> decision, Action<TreeEmitter, T> onMatch)
    {
        switch (decision)
        {
            case LiteralCompare<T> compare:
                _writer.If($"{Literal}.EqualsLower({value}, {CSharpLiterals.Utf8(compare.Literal)})");
                using (_writer.Braces())
                {
                    onMatch(this, compare.Value);
                }

                break;

            case LengthSwitch<T> lengths:
                _writer.Line($"switch ({value}.Length)");
                using (_writer.Braces())
                {
                    var own = lengths.OwnMethods;
                    for (var i = 0; i < lengths.Cases.Count; i++)
                    {
                        var @case = lengths.Cases[i];
                        _writer.Line($"case {@case.Key}:");
                        using (_writer.Indent())
                        {
                            WriteBranch(value, @case.Value, own.Contains(i), onMatch);
                            _writer.Line("break;");
                        }
                    }
                }

                break;

            case ByteSwitch<T> bytes:
                _writer.Line($"switch ({Literal}.Lower({value}[{bytes.Position}]))");
                using (_writer.Braces())
                {
                    var own = bytes.OwnMethods;
                    for (var i = 0; i < bytes.Cases.Count; i++)
                    {
                        var @case = bytes.Cases[i];
                        _writer.Line($"case {CSharpLiterals.Byte(@case.Key)}:");
                        using (_writer.Indent())
                        {
                            WriteBranch(value, @case.Value, own.Contains(i), onMatch);
                            _writer.Line("break;");
                        }
                    }
                }

                break;
        }
    }
}
