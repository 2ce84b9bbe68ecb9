using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// What <see cref="RouterReader"/> found in one <c>[Router]</c> type: the model of every route that compiles, and every
/// problem with where it is. The generator keeps only <see cref="Model"/> (when <see cref="CanGenerate"/>); the analyzer
/// reports <see cref="Problems"/> and the conflicts the planner finds in <see cref="Model"/>. Holds symbols and
/// locations, so it never enters the generator's pipeline.
/// </summary>
internal sealed class RouterRead
{
    public RouterRead(RouterSpec model, bool canGenerate, ImmutableArray<RouteProblem> problems, ImmutableArray<AttributeData> routeAttributes)
    {
        Model = model;
        CanGenerate = canGenerate;
        Problems = problems;
        RouteAttributes = routeAttributes;
    }

    /// <summary>The router with the routes that compile (<see cref="RouteSpec.Index"/> is the position among them).</summary>
    public RouterSpec Model { get; }

    /// <summary>Code can be added to the type (HR0002) without clashing with its members (HR0014): the generator emits <see cref="Model"/>.</summary>
    public bool CanGenerate { get; }

    /// <summary>Every problem, in member order; each but <see cref="RouteRule.Silent"/> is one diagnostic.</summary>
    public ImmutableArray<RouteProblem> Problems { get; }

    /// <summary>The <c>[Route]</c> of each compiled route, by <see cref="RouteSpec.Index"/>: where a conflict is reported.</summary>
    public ImmutableArray<AttributeData> RouteAttributes { get; }
}

/// <summary>The rule a route declaration breaks; each but <see cref="Silent"/> is one HR0xxx diagnostic.</summary>
internal enum RouteRule
{
    /// <summary>Left out without a diagnostic here: the compiler reports it, or another analyzer does (steps: HR2xxx).</summary>
    Silent,

    /// <summary>HR0001: the pattern does not parse.</summary>
    InvalidTemplate,

    /// <summary>HR0002: no code can be added to the router type.</summary>
    RouterCannotBeGenerated,

    /// <summary>HR0003: the handler's parameters do not bind to the template.</summary>
    CannotBind,

    /// <summary>HR0004: the method can never be a handler, or returns another type than the router's handlers.</summary>
    HandlerCannotBeCompiled,

    /// <summary>HR0007: a constraint no value of the handler parameter's type can satisfy.</summary>
    ConstraintContradictsType,

    /// <summary>HR2005: a typed <c>[Body]</c> without a JSON context that can read it.</summary>
    JsonBodyWithoutContext,

    /// <summary>HR0009: a <c>[Header]</c> parameter of a type a header cannot bind to.</summary>
    HeaderCannotBind,

    /// <summary>HR0010: a <c>[Header]</c> name that is not an HTTP token.</summary>
    InvalidHeaderName,

    /// <summary>HR0011: a <c>[Body]</c> parameter that cannot bind.</summary>
    InvalidBodyParameter,

    /// <summary>HR0050: a <c>[FromServices]</c> or <c>[FromKeyedServices]</c> parameter no container can supply.</summary>
    InvalidServiceParameter,

    /// <summary>HR0012: a header, body or exchange parameter the template also names.</summary>
    RequestPartNamedInTemplate,

    /// <summary>HR0013: a route that needs the exchange in a router that gets no <c>HttpEndpoint</c>.</summary>
    ExchangeBindingWithoutEndpoint,

    /// <summary>HR0014: a member of the router named like one the generator declares (<see cref="ReservedNames"/>).</summary>
    ReservedMemberName,

    /// <summary>HR0015: a ref struct parameter (<c>ReadOnlySpan&lt;byte&gt;</c>) on an async handler.</summary>
    SpanOnAsyncHandler,

    /// <summary>HR0016: an <c>async void</c> handler.</summary>
    AsyncVoidHandler,

    /// <summary>HR0017: a <c>[HandlerTimeout]</c> on a synchronous handler, or one that is no time limit. Not a reason to skip.</summary>
    TimeoutHasNoEffect,

    /// <summary>HR0018: a handler's result that cannot be written as a response, in a router whose routes return different types.</summary>
    ResultCannotBeWritten,

    /// <summary>HR0019 (info): the router gets no <c>HttpEndpoint</c>, and why. Not a reason to skip.</summary>
    NoHttpEndpoint,

    /// <summary>HR0020: the router gets neither <c>HttpEndpoint</c> nor <c>Dispatch</c>. Not a reason to skip.</summary>
    NoEntryPoint,

    /// <summary>HR0021: a query in a route template.</summary>
    QueryInTemplate,

    /// <summary>HR0022: a handler parameter of a service type.</summary>
    ServiceParameter,

    /// <summary>HR0023: a router <c>Prefix</c> that is not a path of literal segments starting with '/'.</summary>
    InvalidPrefix,

    /// <summary>HR0027: an <c>[OpenApi(Route = …)]</c> that is not a literal path starting with '/'.</summary>
    InvalidOpenApiRoute,

    /// <summary>HR0025: a type an <c>[App]</c> lists that it cannot serve.</summary>
    AppMemberCannotBeComposed,

    /// <summary>HR0026: no code can be added to the <c>[App]</c> type.</summary>
    AppCannotBeGenerated,

    /// <summary>HR1014 (info): an <c>async Task</c> handler, which could return <c>ValueTask</c>. Not a reason to skip.</summary>
    TaskHandler,
}

/// <summary>One problem: the rule, where, and the diagnostic's message arguments.</summary>
internal sealed record RouteProblem(RouteRule Rule, Location? Location, ImmutableArray<object?> Arguments);
