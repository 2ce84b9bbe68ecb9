
using HyperRoute.Generators.Steps;
using HyperRoute.Generators.Messages;

namespace HyperRoute.Generators.Routing;

/// <summary>Everything the generator needs to know about one <c>[Router]</c> type. Value-equatable, no symbols.</summary>
internal sealed record RouterSpec
{
    /// <summary>The router type: namespace, name, keywords, the types it is nested in, the generated file's name.</summary>
    public required TypeDeclaration Declaration { get; init; }

    /// <summary>The fully qualified type the handlers return, or <see langword="null"/> when they all return <c>void</c>.</summary>
    public required string? ResultType { get; init; }

    /// <summary>
    /// How generated code resets the result before a handler runs: <c>default</c> for value types,
    /// <c>default!</c> for reference types (a handler that runs always sets it).
    /// </summary>
    public string ResultDefault { get; init; } = "default!";

    /// <summary>
    /// How the shared result type (<see cref="ResultType"/>) is written as the response; <see langword="null"/> when the
    /// handlers return none, or one that cannot be written (the router then gets no <c>HttpEndpoint</c>).
    /// </summary>
    public ResultSpec? Result { get; init; }

    /// <summary>The shared result type is written as the response (by <c>Serve</c>, or in the route before its response transforms).</summary>
    public bool ResultIsHttpResult => ResultType is not null && Result is not null;

    /// <summary>
    /// The handlers return different types: there is no shared result type (no <c>out T result</c>), each route writes its
    /// own result to the exchange's response, and the router is served only through its <c>HttpEndpoint</c>.
    /// </summary>
    public bool ResultsInRoutes { get; init; }

    /// <summary><c>[Router(Json = …)]</c>'s context declares its own <c>[JsonSourceGenerationOptions]</c>: its <c>Default</c> is used as it is.</summary>
    public bool JsonContextHasOptions { get; init; }

    /// <summary>
    /// <c>[Router(Prefix = …)]</c>: the path every route is served under, already part of each route's template;
    /// <see langword="null"/> for none.
    /// </summary>
    public string? Prefix { get; init; }

    /// <summary>
    /// The spec is an app's (<c>[App(typeof(A), typeof(B))]</c>): the routes of its routers in one table, each with its
    /// router's name (<see cref="RouteSpec.Owner"/>), steps and JSON context, and each writing its own result.
    /// </summary>
    public bool IsApp { get; init; }

    /// <summary>
    /// The router declares <c>static bool StreamsRequestBody(HttpRequest request)</c>: its <c>HttpEndpoint</c> asks it which
    /// request bodies are streamed to their handlers (<c>IHttpEndpoint.StreamsRequestBody</c>) instead of buffered.
    /// </summary>
    public bool StreamsRequestBody { get; init; }

    /// <summary><c>[OpenApi]</c> on the type: what its OpenAPI document needs besides the routes; <see langword="null"/> without it.</summary>
    public OpenApiSpec? OpenApi { get; init; }

    /// <summary>The routes in declaration order; <see cref="RouteSpec.Index"/> is the position here.</summary>
    public required EquatableArray<RouteSpec> Routes { get; init; }

    /// <summary>Routes the generator could not compile, with the reason (the analyzers report them as diagnostics).</summary>
    public required EquatableArray<SkippedRoute> Skipped { get; init; }

    /// <summary>
    /// The router type's <c>[Validate&lt;V&gt;]</c> (request validators, run by <c>HttpEndpoint.Serve</c> before routing) and
    /// <c>[Transform&lt;X&gt;]</c> (response transforms, run after every handler, before the route's own), in declaration order.
    /// </summary>
    public EquatableArray<PipelineStep> Steps { get; init; }

    /// <summary>The <c>JsonSerializerContext</c> of <c>[Router(Json = …)]</c>, fully qualified; <see langword="null"/> without one.</summary>
    public string? JsonContext { get; init; }

    /// <summary>The request validators of the router, in declaration order.</summary>
    public System.Collections.Generic.IEnumerable<PipelineStep> RequestValidators => System.Linq.Enumerable.Where(Steps, s => s.Kind == StepKind.Validate);

    /// <summary>The response transforms of the router, in declaration order.</summary>
    public System.Collections.Generic.IEnumerable<PipelineStep> ResponseTransforms => System.Linq.Enumerable.Where(Steps, s => s.Kind == StepKind.Transform);

    /// <summary>The distinct types typed <c>[Body]</c> parameters are read into, in first-seen order.</summary>
    public System.Collections.Generic.IReadOnlyList<string> JsonBodyTypes
        => System.Linq.Enumerable.ToList(System.Linq.Enumerable.Distinct(
            System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(System.Linq.Enumerable.SelectMany(Routes, r => r.Bindings), b => b.Source == BindingSource.JsonBody),
                b => b.JsonType!)));

    /// <summary>The distinct types results are written as JSON from (returned values, values of typed results), in first-seen order.</summary>
    public System.Collections.Generic.IReadOnlyList<string> JsonResultTypes
    {
        get
        {
            var types = new System.Collections.Generic.List<string>();
            foreach (var route in Routes)
            {
                Collect(route.Result, types);
            }

            return types;

            static void Collect(ResultSpec? result, System.Collections.Generic.List<string> types)
            {
                if (result is null)
                {
                    return;
                }

                if (result.ValueType is { } type && !types.Contains(type))
                {
                    types.Add(type);
                }

                foreach (var item in result.Cases)
                {
                    Collect(item, types);
                }
            }
        }
    }

    /// <summary>
    /// <see langword="true"/> when route <paramref name="route"/>'s handler result is written in its leaf rather than by
    /// <c>Serve</c>: response transforms (the router's or the route's) run after it, so it must be written first.
    /// </summary>
    public bool WritesResultInLeaf(RouteSpec route)
        => (ResultsInRoutes && route.Result is not null)
            || ResultIsHttpResult && !route.ReturnsVoid && (System.Linq.Enumerable.Any(ResponseTransforms) || System.Linq.Enumerable.Any(route.ResponseTransforms));

    /// <summary><see langword="true"/> when some handler is asynchronous (returns a <c>ValueTask</c> or <c>Task</c>).</summary>
    public bool HasAsyncRoutes => System.Linq.Enumerable.Any(Routes, r => r.IsAsync);

    /// <summary>
    /// <see langword="true"/> when some handler has asynchronous routes and the router needs no exchange: its dispatcher
    /// hands a pending handler's work back through a <c>ref</c> slot (<c>DispatchAsync</c>, and <c>Serve</c> suspends on it)
    /// rather than to <c>exchange.Suspend</c>.
    /// </summary>
    public bool ReturnsPendingWork => HasAsyncRoutes && !NeedsExchange;

    /// <summary>
    /// <see langword="true"/> when some handler binds a <c>CancellationToken</c> and the router needs no exchange: the
    /// dispatcher then takes the token (<c>DispatchAsync</c>'s argument, or <c>exchange.RequestAborted</c> in <c>Serve</c>).
    /// </summary>
    public bool TakesCancellationToken
        => !NeedsExchange && System.Linq.Enumerable.Any(Routes, r => System.Linq.Enumerable.Any(r.Bindings, b => b.Source == BindingSource.CancellationToken));

    /// <summary><see langword="true"/> when some handler is an instance method, so <c>Dispatch</c> is one too.</summary>
    public bool HasInstanceHandlers => System.Linq.Enumerable.Any(Routes, r => !r.IsStatic);

    /// <summary>
    /// <see langword="true"/> when some route binds a header, the body, the exchange, its request or its response, or the
    /// router, a route or a parameter has a validator or transform: the
    /// dispatcher then takes the <c>HttpExchange</c>, and the router is served only through its <c>HttpEndpoint</c>.
    /// </summary>
    public bool NeedsExchange => ResultsInRoutes || Steps.Count > 0 || System.Linq.Enumerable.Any(Routes, r => r.NeedsExchange);

    /// <summary>
    /// <see langword="true"/> when the router gets an <c>HttpEndpoint</c>: its handlers return <c>void</c> or results it
    /// can write (any other result would be discarded), and it is not a struct with instance handlers (the
    /// endpoint would call them on a copy).
    /// </summary>
    public bool HasHttpEndpoint => (ResultType is null || ResultIsHttpResult) && !(HasInstanceHandlers && Declaration.Keyword.EndsWith("struct", System.StringComparison.Ordinal));

    /// <summary>The distinct header names the routes bind, as first written, in first-seen order (ASCII case-insensitive): slot <c>i</c> is entry <c>i</c>.</summary>
    public System.Collections.Generic.IReadOnlyList<string> HeaderNames
    {
        get
        {
            var names = new System.Collections.Generic.List<string>();
            var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var route in Routes)
            {
                foreach (var binding in route.Bindings)
                {
                    if (binding.HeaderName is { } name && seen.Add(name))
                    {
                        names.Add(name);
                    }
                }
            }

            return names;
        }
    }

    /// <summary>The slot of the header <paramref name="name"/> (see <see cref="HeaderNames"/>).</summary>
    public int HeaderSlot(string name)
    {
        var names = HeaderNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, System.StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
