using HyperRoute.Generators.Emitting;
using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Where many literals shared one walk (or, in the <c>Allow</c> tree, the all-literal routes were looked up by position), the routes that end
/// there are picked by the literal's position: a <c>switch</c> on it, or nothing when they all do the same.
/// </summary>
internal sealed partial class TreeEmitter
{
    // The routes that end here for each literal the selector can name: one block when they all write the same
    // statements (the Allow tree of routes of one method), else a switch on the selector: inline up to 16 routes,
    // in a method of its own up to 64, in one method per 64 beyond.
    private void WriteSelected(string selector, IReadOnlyList<IReadOnlyList<RouteLeaf>> cases)
    {
        // (Routes that run handlers always differ: each reports its own index.)
        var texts = _leaves.IsAllowTree ? cases.Select(leaves => WithoutComments(Render(leaves, 0))).ToList() : null;
        if (texts is not null && texts.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            // The same methods whichever literal it was: no switch.
            _writer.Comment($"the routes of all {cases.Count} literals, from {cases[0][0].Route.Template.Pattern} to {cases[cases.Count - 1][0].Route.Template.Pattern}");
            foreach (var line in texts[0].Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries))
            {
                _writer.Line(line);
            }

            return;
        }

        if (cases.Count <= PlanLimits.SplitThreshold)
        {
            WriteSelectorSwitch(selector, cases, 0, cases.Count);
            return;
        }

        if (cases.Count <= PlanLimits.CasesPerMethod)
        {
            Part($"the routes that end here, by {selector}", e => e.WriteSelectorSwitch(selector, cases, 0, cases.Count));
            return;
        }

        // More routes than one method should call (past its inlining budget, even the handlers would stay calls):
        // a method for every 64, picked by the high bits of the position.
        _writer.Line($"switch ({selector} >> {PlanLimits.CasesPerMethodBits})");
        using (_writer.Braces())
        {
            for (var first = 0; first < cases.Count; first += PlanLimits.CasesPerMethod)
            {
                var start = first;
                var count = Math.Min(PlanLimits.CasesPerMethod, cases.Count - first);
                _writer.Line($"case {first >> PlanLimits.CasesPerMethodBits}:");
                using (_writer.Indent())
                {
                    Part($"the routes that end here, by {selector}, {start} to {start + count - 1}", e => e.WriteSelectorSwitch(selector, cases, start, count));
                    _writer.Line("break;");
                }
            }
        }
    }

    // One case per literal. In the Allow tree, literals whose routes allow the same methods share a case (their
    // statements are compared without the comments, which name the routes: the shared case says how many).
    private void WriteSelectorSwitch(string selector, IReadOnlyList<IReadOnlyList<RouteLeaf>> cases, int first, int count)
    {
        var texts = cases.Select((leaves, i) => _leaves.IsAllowTree && i >= first && i < first + count ? WithoutComments(Render(leaves, 0)) : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        _writer.Line($"switch ({selector})");
        using (_writer.Braces())
        {
            var written = new HashSet<int>();
            for (var i = first; i < first + count; i++)
            {
                if (!written.Add(i))
                {
                    continue;
                }

                _writer.Line($"case {i}:");
                var shared = 1;
                for (var j = i + 1; j < first + count; j++)
                {
                    if (string.Equals(texts[i], texts[j], StringComparison.Ordinal) && written.Add(j))
                    {
                        _writer.Line($"case {j}:");
                        shared++;
                    }
                }

                using (_writer.Indent())
                {
                    if (_leaves.IsAllowTree)
                    {
                        _writer.Comment(shared == 1
                            ? cases[i][0].Route.Template.Pattern
                            : $"{cases[i][0].Route.Template.Pattern} and the routes of {shared - 1} more literals");
                        foreach (var line in texts[i].Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries))
                        {
                            _writer.Line(line.TrimEnd());
                        }

                        _writer.Line("break;");
                        continue;
                    }

                    using (_writer.Braces())
                    {
                        _leaves.Write(_writer, cases[i], _values, _names);
                    }
                }
            }
        }
    }

    private static string WithoutComments(string code)
        => string.Join("\n", code.Split('\n').Select(line => line.IndexOf(" //", StringComparison.Ordinal) is var at and >= 0 ? line.Substring(0, at) : line));

    // The statements a leaf writer writes, to tell whether two literals lead to the same code.
    private string Render(IReadOnlyList<RouteLeaf> leaves, int indent)
    {
        var writer = new SourceWriter(indent);
        _leaves.Write(writer, leaves, _values, new NameScope());
        return writer.ToString();
    }
}
