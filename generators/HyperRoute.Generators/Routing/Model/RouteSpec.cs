
using HyperRoute.Generators.Steps;

namespace HyperRoute.Generators.Routing;

/// <summary>One compiled route: a parsed template bound to a handler.</summary>
internal sealed record RouteSpec
{
    /// <summary>The position of the route in the router's route table (<c>RouteMatch.Route</c>).</summary>
    public required int Index { get; init; }

    /// <summary>The parsed pattern.</summary>
    public required RouteTemplate Template { get; init; }

    /// <summary>The handler method's name.</summary>
    public required string HandlerName { get; init; }

    /// <summary>The handler's signature as users read it, for comments: <c>GetUser(int id)</c>.</summary>
    public required string HandlerDisplay { get; init; }

    /// <summary>The handler is static.</summary>
    public required bool IsStatic { get; init; }

    /// <summary>The handler returns <c>void</c>.</summary>
    public required bool ReturnsVoid { get; init; }

    /// <summary>How each handler argument is obtained, in parameter order.</summary>
    public required EquatableArray<ParameterBinding> Bindings { get; init; }

    /// <summary>
    /// The route method's <c>[Validate&lt;V&gt;]</c> (request validators, run once the route matched, before binding) and
    /// <c>[Transform&lt;X&gt;]</c> (response transforms, run after the handler), in declaration order.
    /// </summary>
    public EquatableArray<PipelineStep> Steps { get; init; }

    /// <summary>
    /// <see langword="true"/> when some argument comes from the HTTP exchange (a header, the body, the exchange, request
    /// or response), or a validator or transform of the route or its parameters needs the request or the response.
    /// </summary>
    public bool NeedsExchange => Steps.Count > 0 || System.Linq.Enumerable.Any(Bindings, b => b.NeedsExchange);

    /// <summary>The response transforms of the route, in declaration order.</summary>
    public System.Collections.Generic.IEnumerable<PipelineStep> ResponseTransforms => System.Linq.Enumerable.Where(Steps, s => s.Kind == StepKind.Transform);

    /// <summary>The request validators of the route, in declaration order.</summary>
    public System.Collections.Generic.IEnumerable<PipelineStep> RequestValidators => System.Linq.Enumerable.Where(Steps, s => s.Kind == StepKind.Validate);

    /// <summary><see langword="true"/> when every segment is a literal: the route is compared as one whole path.</summary>
    public bool IsLiteral => System.Linq.Enumerable.All(Template.Segments, s => s.Kind == SegmentKind.Literal);
}

/// <summary>A route the generator left out, and why; listed in the generated file's remarks.</summary>
internal sealed record SkippedRoute(string Pattern, string HandlerName, string Reason);
