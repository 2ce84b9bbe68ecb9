using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Which branches of a large switch the emitter writes as methods of their own.</summary>
internal static class SplitPlan
{
    /// <summary>
    /// The cases of a switch (by their weights: the literals each tells apart) that go to methods of their own: while
    /// the switch holds more literals than one method should (<see cref="PlanLimits.SplitThreshold"/>), the largest case
    /// left (the first of equal ones) moves out, so a method holds at most that many literals besides single ones and
    /// every route is one or two calls deep, not one per level of the switch. A switch of one case keeps it: moving
    /// the only case out would only add a call; the switch inside it splits instead.
    /// </summary>
    public static IReadOnlyCollection<int> OwnMethods(IReadOnlyList<int> weights)
    {
        var own = new HashSet<int>();
        var inline = weights.Sum();
        if (weights.Count == 1)
        {
            return own;
        }

        foreach (var index in Enumerable.Range(0, weights.Count).OrderByDescending(i => weights[i]).ThenBy(i => i))
        {
            if (inline <= PlanLimits.SplitThreshold || weights[index] <= 1)
            {
                break;
            }

            own.Add(index);
            inline -= weights[index];
        }

        return own;
    }
}
