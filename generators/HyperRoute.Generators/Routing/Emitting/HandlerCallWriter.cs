using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes a matched route: note its index where a host can read it should user code throw (the exchange's <c>Route</c>),
/// run its request validators, bind each argument (route value, catch-all, query, header,
/// body as bytes or JSON, or the exchange, its request or response) and run that parameter's validators and
/// transforms, call the handler, run the response transforms (the router's, then the route's), report it handled.
/// A step that refuses the request writes a problem (<c>application/problem+json</c>) and reports it rejected.
/// </summary>
internal sealed partial class HandlerCallWriter : ILeafWriter
{
    private const string Parse = "Routing::Utf8Parse.TryParse";
    private const string Match = "HyperRoute::RouteMatch";
    private const string Problem = "HyperRoute::RouteProblem";
    private const string Lookup = "Routing::QueryLookup";
    private const string ProblemJson = "Http::ProblemJson";
    private const string HttpBody = "Http::HttpBody";

    private readonly RouterSpec _router;
    private readonly bool _hasResult;
    private readonly IReadOnlyDictionary<int, AsyncCompletion> _completions;
    private readonly string? _routeSlot;

    /// <param name="router">The router (or app) whose routes are written.</param>
    /// <param name="completions">The continuations of the asynchronous routes, by route index.</param>
    /// <param name="routeSlot">Where each route notes its index first (<see cref="DispatchParameters.RouteSlot"/>), or <see langword="null"/>.</param>
    public HandlerCallWriter(RouterSpec router, IReadOnlyDictionary<int, AsyncCompletion> completions, string? routeSlot)
    {
        _router = router;
        _hasResult = router.ResultType is not null;
        _completions = completions;
        _routeSlot = routeSlot;
    }

    public bool IsAllowTree => false;

    public void Write(SourceWriter writer, IReadOnlyList<RouteLeaf> leaves, PathValues values, NameScope names)
    {
        var leaf = leaves[0];
        var route = leaf.Route;
        writer.Line($"// {route.Template.Pattern}{(leaf.OptionalAbsent ? " (without its optional segment)" : "")}{(route.IsAsync ? " (async)" : "")}");
        foreach (var shadowed in leaves.Skip(1))
        {
            writer.Line($"// (unreachable: {shadowed.Route.Template.Pattern} matches the same requests, and the route above takes precedence)");
        }

        if (_routeSlot is not null)
        {
            // One store, before any user code: Serve may throw instead of returning the match that names the route.
            writer.Line($"{_routeSlot} = {route.Index.ToString(CultureInfo.InvariantCulture)};", "a fault from here on is reported under this route");
        }

        foreach (var step in route.RequestValidators)
        {
            WriteCheck(
                writer,
                names,
                step,
                $"source side, route level: {step.Attribute}",
                $"{step.TypeName}.Validate(exchange.Request)",
                null,
                $"Rejected({route.Index})");
        }

        var arguments = new List<string>();
        for (var i = 0; i < route.Bindings.Count; i++)
        {
            var binding = route.Bindings[i];
            var argument = WriteBinding(writer, route, binding, i, leaf.OptionalAbsent, values, _router);
            arguments.Add(binding.Steps.Count == 0 ? argument : WriteParameterSteps(writer, route, binding, i, argument, names));
        }

        // The dispatcher is a class of its own nested in the router: a static handler is named with its type, which
        // no name of the dispatcher's can hide; an instance handler runs on the router it was given. An app calls each
        // handler by its own router's name.
        var target = route.IsStatic ? route.Owner ?? _router.Declaration.FullName : "router";
        var call = $"{target}.{route.HandlerName}({string.Join(", ", arguments)});";
        if (route.IsAsync)
        {
            WriteAsyncCall(writer, route, call, names);
        }
        else
        {
            writer.Call(_router.ResultsInRoutes && !route.ReturnsVoid ? "var result = " + call : _hasResult && !route.ReturnsVoid ? "result = " + call : call);
        }

        if (_router.WritesResultInLeaf(route))
        {
            writer.Comment(_router.ResultsInRoutes
                ? $"Each route of this {(_router.IsApp ? "app" : "router")} writes its own result: {ResultDisplay(route.Result!)}."
                : "The result is written here, not by Serve, so that the transforms below see the response it wrote.");
            ResultEmitter.Write(writer, ResultOf(_router, route)!, "result", route);
        }

        WriteResponseTransforms(writer, _router, route);

        writer.Line($"return {Match}.Handled({route.Index});");
    }

    /// <summary>The response transforms of the router, then of the route, in order, on the way out.</summary>
    public static void WriteResponseTransforms(SourceWriter writer, RouterSpec router, RouteSpec route)
    {
        foreach (var step in router.ResponseTransforms)
        {
            writer.Comment($"on the way out, router level: {step.Attribute}");
            writer.Line($"{step.TypeName}.Transform(exchange.Request, exchange.Response);");
        }

        foreach (var step in route.ResponseTransforms)
        {
            writer.Comment($"on the way out, route level: {step.Attribute}");
            writer.Line($"{step.TypeName}.Transform(exchange.Request, exchange.Response);");
        }
    }

    /// <summary>How route <paramref name="route"/>'s result is written: its own (routes return different types), or the router's.</summary>
    public static ResultSpec? ResultOf(RouterSpec router, RouteSpec route)
        => router.ResultsInRoutes ? route.Result : router.Result;

    /// <summary>A result's type as a comment shows it: <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>.</summary>
    public static string ResultDisplay(ResultSpec result)
        => result.TypeName.Replace("global::HyperRoute.Http.Results.", "").Replace("global::", "");
}
