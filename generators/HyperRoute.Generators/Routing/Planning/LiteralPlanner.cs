using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Plans how to tell a set of lower-case literals apart with the fewest comparisons: switch on the UTF-8
/// length; among literals of one length, switch on the byte position with the most distinct values, and
/// repeat until one candidate is left, which is compared whole. A thousand routes cost two or three jumps
/// and one comparison.
/// </summary>
internal static class LiteralPlanner
{
    public static LiteralDecision<T> Plan<T>(LiteralSwitch<T> literals, bool switchOnLength)
    {
        var entries = literals.Entries.Select(e => new Entry<T>(e.Key, Encoding.UTF8.GetBytes(e.Key), e.Value)).ToList();
        if (!switchOnLength)
        {
            return PlanSameLength(entries);
        }

        var cases = entries
            .GroupBy(e => e.Bytes.Length)
            .OrderBy(g => g.Key)
            .Select(g => new KeyValuePair<int, LiteralDecision<T>>(g.Key, PlanSameLength(g.ToList())))
            .ToList();
        return new LengthSwitch<T>(cases);
    }

    private static LiteralDecision<T> PlanSameLength<T>(List<Entry<T>> entries)
    {
        if (entries.Count == 1)
        {
            return new LiteralCompare<T>(entries[0].Key, entries[0].Value);
        }

        var length = entries[0].Bytes.Length;
        var best = 0;
        var bestDistinct = 0;
        for (var position = 0; position < length; position++)
        {
            var distinct = entries.Select(e => e.Bytes[position]).Distinct().Count();
            if (distinct > bestDistinct)
            {
                best = position;
                bestDistinct = distinct;
            }
        }

        var cases = entries
            .GroupBy(e => e.Bytes[best])
            .OrderBy(g => g.Key)
            .Select(g => new KeyValuePair<byte, LiteralDecision<T>>(g.Key, PlanSameLength(g.ToList())))
            .ToList();
        return new ByteSwitch<T>(best, cases);
    }

    private sealed record Entry<T>(string Key, byte[] Bytes, T Value);
}
