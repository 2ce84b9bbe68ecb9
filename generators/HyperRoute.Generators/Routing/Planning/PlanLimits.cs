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
}
