namespace HyperRoute.Generators.Routing;

/// <summary>
/// The sizes at which the planner changes how a set of literals is matched. They exist for the JIT, which compiles a
/// method with thousands of basic blocks with MinOpts and stops inlining once a method has used its budget: generated
/// methods must stay small, and the few comparisons that are cheapest done in place must not grow into a switch.
/// </summary>
internal static class PlanLimits
{
    /// <summary>The most literal segments at one place in the path that are compared one by one, in place.</summary>
    public const int InPlaceLiterals = 4;

    /// <summary>
    /// The most literals a switch keeps in one method: beyond it, its largest branches move to methods of their own
    /// until the rest fit; more literal children than this whose subtrees have one shape share their tail.
    /// </summary>
    public const int SplitThreshold = 16;

    /// <summary>log2 of <see cref="CasesPerMethod"/>: a switch on the high bits of a position picks the method.</summary>
    public const int CasesPerMethodBits = 6;

    /// <summary>
    /// The most keys one switch over a word holds, and the most cases one switch over a literal's position holds; past
    /// it, runs of keys or cases go to methods of their own, found by a binary search or by the position's high bits.
    /// </summary>
    public const int CasesPerMethod = 1 << CasesPerMethodBits;
}
