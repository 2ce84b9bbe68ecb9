using System.Collections.Generic;
using System.Linq;
using HyperRoute.Generators.Steps;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// What the generated code does with an asynchronous handler's work when it has not completed by the time the handler
/// returns, decided once per route. When nothing remains to be done, the work itself (a <c>Task</c> wrapped in a
/// <c>ValueTask</c>) is handed on; otherwise a continuation of its own (<see cref="Method"/>) awaits it and then does
/// the rest, exactly as the route does in place when the handler completed synchronously.
/// </summary>
/// <param name="Route">The route.</param>
/// <param name="Method">The continuation's name (<c>CompleteGetOrder_3</c>), or <see langword="null"/> when the work is handed on as it is.</param>
/// <param name="WritesResult">The continuation writes the handler's <c>IHttpResult</c> to the response.</param>
/// <param name="ReturnsDefaultResult">
/// The continuation turns the work of a handler without a result into the router's <c>ValueTask&lt;T&gt;</c> slot, with
/// <c>default</c> as the result (a router that needs no exchange hands pending work back in one slot type).
/// </param>
/// <param name="Transforms">The response transforms the continuation runs: the router's, then the route's.</param>
internal sealed record AsyncCompletion(RouteSpec Route, string? Method, bool WritesResult, bool ReturnsDefaultResult, IReadOnlyList<PipelineStep> Transforms)
{
    /// <summary>The continuation takes the work as <c>ValueTask&lt;T&gt;</c> (the handler has a result), not <c>ValueTask</c>.</summary>
    public bool AwaitsResult => !Route.ReturnsVoid;
}

/// <summary>Plans the <see cref="AsyncCompletion"/> of every asynchronous route of a router.</summary>
internal static class AsyncCompletions
{
    public static IReadOnlyDictionary<int, AsyncCompletion> Plan(RouterSpec router)
    {
        var completions = new Dictionary<int, AsyncCompletion>();
        foreach (var route in router.Routes.Where(r => r.IsAsync))
        {
            completions.Add(route.Index, Plan(router, route));
        }

        return completions;
    }

    private static AsyncCompletion Plan(RouterSpec router, RouteSpec route)
    {
        var name = "Complete" + route.HandlerName + "_" + route.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (router.NeedsExchange)
        {
            // Through the exchange: the server awaits a ValueTask, and the result and the response transforms come after it.
            var transforms = router.ResponseTransforms.Concat(route.ResponseTransforms).ToList();
            var writes = !route.ReturnsVoid && (router.ResultIsHttpResult || router.ResultsInRoutes);
            return new AsyncCompletion(route, writes || transforms.Count > 0 ? name : null, writes, false, transforms);
        }

        // Back through the pending slot: ValueTask, or ValueTask<T> of the router's result type. Routers without the
        // exchange have no response transforms, and the result is written (or returned) by whoever awaits the slot.
        var wrapsVoid = router.ResultType is not null && route.ReturnsVoid;
        return new AsyncCompletion(route, wrapsVoid ? name : null, false, wrapsVoid, System.Array.Empty<PipelineStep>());
    }
}
