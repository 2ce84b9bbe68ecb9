using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// The parameters every method of the dispatcher takes besides its own, as declared and as passed on: the router (for
/// instance handlers), the exchange (for routes that bind from it) and the handler's result. Each is a fragment of a
/// parameter or argument list, empty when the router has no such thing. Also where each route notes its index before
/// any user code runs (<see cref="RouteSlot"/>).
/// </summary>
internal sealed record DispatchParameters
{
    /// <summary>
    /// <c>global::Shop.Api router</c>: the router whose instance handlers run, by reference for a struct; <see langword="null"/>
    /// when every handler is static.
    /// </summary>
    public required string? RouterParameter { get; init; }

    /// <summary><c>router</c> (<c>ref router</c> for a struct), or <see langword="null"/>.</summary>
    public required string? RouterArgument { get; init; }

    /// <summary><c>global::Shop.Api router, </c> or empty.</summary>
    public string Router => RouterParameter is null ? "" : RouterParameter + ", ";

    /// <summary><c>router, </c> or empty.</summary>
    public string PassRouter => RouterArgument is null ? "" : RouterArgument + ", ";

    /// <summary>What an instance member of the router passes for it: <c>this, </c> (<c>ref this, </c> for a struct).</summary>
    public required string PassThis { get; init; }

    /// <summary>
    /// <c>, Http::HttpExchange exchange</c>; or, for a router that needs no exchange, <c>, System::Threading.CancellationToken
    /// cancellationToken</c> when a handler binds one, <c>, ref System::Threading.Tasks.ValueTask pending</c> when a handler is
    /// asynchronous (<see cref="RouterSpec.ReturnsPendingWork"/>) and <c>, ref int matchedRoute</c> when it has an endpoint
    /// (<see cref="TakesRouteSlot"/>).
    /// </summary>
    public required string Exchange { get; init; }

    /// <summary><c>, exchange</c>; or <c>, cancellationToken, ref pending</c>.</summary>
    public required string PassExchange { get; init; }

    /// <summary>
    /// The type of the <c>pending</c> slot, <c>System::Threading.Tasks.ValueTask</c> (<c>ValueTask&lt;T&gt;</c> for a router
    /// with a result type); <see langword="null"/> when the router has no such slot.
    /// </summary>
    public required string? PendingType { get; init; }

    /// <summary>
    /// The parameters besides the exchange that the dispatcher's split-out parts pass on when their code reads them:
    /// (declaration, argument, name).
    /// </summary>
    public required System.Collections.Generic.IReadOnlyList<(string Parameter, string Argument, string Name)> Context { get; init; }

    /// <summary>
    /// Where each route writes its index as soon as it matched, before its validators, transforms and handler run, so that
    /// a host whose <c>Serve</c> threw still knows the route: <c>exchange.Route</c>, or the <c>matchedRoute</c> slot of a
    /// router that needs no exchange (<c>Serve</c> passes <c>ref exchange.Route</c>); <see langword="null"/> for a router
    /// without an endpoint, whose only caller, <c>Dispatch</c>, hears of the route in its result.
    /// </summary>
    public required string? RouteSlot { get; init; }

    /// <summary><c>, out T result</c>.</summary>
    public required string OutResult { get; init; }

    /// <summary><c>, out result</c>.</summary>
    public required string PassResult { get; init; }

    public static DispatchParameters For(RouterSpec router)
    {
        var type = router.Declaration;
        var byReference = !type.Keyword.EndsWith("struct", System.StringComparison.Ordinal) ? "" : type.IsReadOnly ? "in " : "ref ";
        var instance = router.HasInstanceHandlers;
        var pendingType = router.ReturnsPendingWork ? PendingWorkType(router) : null;
        var context = new System.Collections.Generic.List<(string Parameter, string Argument, string Name)>();
        if (router.TakesCancellationToken)
        {
            context.Add(("System::Threading.CancellationToken cancellationToken", "cancellationToken", "cancellationToken"));
        }

        if (pendingType is not null)
        {
            context.Add(($"ref {pendingType} pending", "ref pending", "pending"));
        }

        if (TakesRouteSlot(router))
        {
            context.Add(($"ref int {RouteSlotName}", $"ref {RouteSlotName}", RouteSlotName));
        }

        return new DispatchParameters
        {
            RouterParameter = instance ? $"{byReference}{type.FullName} router" : null,
            RouterArgument = instance ? byReference + "router" : null,
            PassThis = instance ? byReference + "this, " : "",
            Exchange = router.NeedsExchange ? ", Http::HttpExchange exchange" : string.Concat(context.Select(c => ", " + c.Parameter)),
            PassExchange = router.NeedsExchange ? ", exchange" : string.Concat(context.Select(c => ", " + c.Argument)),
            PendingType = pendingType,
            Context = context,
            RouteSlot = router.NeedsExchange ? "exchange.Route" : TakesRouteSlot(router) ? RouteSlotName : null,
            OutResult = router.ResultType is null ? "" : $", out {router.ResultType} result",
            PassResult = router.ResultType is null ? "" : ", out result",
        };
    }

    /// <summary>The <c>ref int</c> parameter in which the routes of a router that needs no exchange note their index.</summary>
    public const string RouteSlotName = "matchedRoute";

    /// <summary>
    /// <see langword="true"/> when the dispatcher takes the <see cref="RouteSlotName"/> slot: the router needs no exchange and
    /// is served over HTTP, where <c>Serve</c> hands it <c>ref exchange.Route</c> (and <c>Dispatch</c> a local it ignores).
    /// </summary>
    public static bool TakesRouteSlot(RouterSpec router) => !router.NeedsExchange && router.HasHttpEndpoint;

    /// <summary><c>System::Threading.Tasks.ValueTask</c>, or <c>ValueTask&lt;T&gt;</c> of the router's result type.</summary>
    public static string PendingWorkType(RouterSpec router)
        => router.ResultType is null ? "System::Threading.Tasks.ValueTask" : $"System::Threading.Tasks.ValueTask<{router.ResultType}>";
}
