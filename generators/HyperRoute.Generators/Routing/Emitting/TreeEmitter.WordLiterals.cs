using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Many routes made only of literals, told apart by words of the path, each run where it matched.</summary>
internal sealed partial class TreeEmitter
{
    // Routes of literals only, more than a switch should hold (dispatch trees): a switch on the path's length, the path
    // read as lower-cased words once, a switch on the word that tells the routes of that length apart, the other words
    // compared, and the route run in its case (LiteralWords). There is no tail to share, so no position and no second
    // switch on it. At most SplitThreshold routes stay in this method, counted over all lengths (the shortest first);
    // the switches of the other lengths are in methods of their own, up to 64 routes each (the handlers' calls stay
    // inlined), found by a binary search on the switch word.
    private void WriteWordLiterals(string path, IReadOnlyList<WordGroup> groups, IReadOnlyCollection<int> inlineGroups, IReadOnlyList<IReadOnlyList<RouteLeaf>> leaves)
    {
        _writer.Comment($"{leaves.Count} routes of literals only: the length of the path, then one word of it tells them apart.");
        _writer.Line($"switch ({path}.Length)");
        using (_writer.Braces())
        {
            for (var index = 0; index < groups.Count; index++)
            {
                var group = groups[index];
                _writer.Line($"case {CSharpLiterals.Number(group.Length)}:");
                using (_writer.Indent())
                using (_writer.Braces())
                {
                    WordSwitchWriter.ReadWords(_writer, path, group);
                    var scopeDepth = _scope.Count;
                    _scope.AddRange(group.Words.Select(w => (WordSwitchWriter.Type(w), w.Name)));
                    if (inlineGroups.Contains(index))
                    {
                        WordSwitchWriter.WriteSwitch(_writer, group, group.Runs[0], entry => _leaves.Write(_writer, leaves[entry.Position], _values, _names));
                    }
                    else
                    {
                        WordSwitchWriter.WriteSearch(_writer, group, 0, group.Runs.Count - 1, run => Part(
                            $"the routes of {WordSwitchWriter.Describe(group.Runs[run])} (by {group.Key.Name})",
                            e => WordSwitchWriter.WriteSwitch(e._writer, group, group.Runs[run], entry => e._leaves.Write(e._writer, leaves[entry.Position], e._values, e._names))));
                    }

                    _scope.RemoveRange(scopeDepth, _scope.Count - scopeDepth);
                    _writer.Line("break;");
                }
            }
        }
    }
}
