
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

    /// <summary>
    /// In an app (<c>[App]</c>): the router that declares the handler, fully qualified, whose name calls it; <see langword="null"/>
    /// in a router's own dispatcher, where the handler is the router's.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>
    /// In an app: the <c>JsonSerializerContext</c> of the route's own router, fully qualified, which reads its typed body and
    /// writes its result; <see langword="null"/> for none, and in a router's own dispatcher (the router's context is used).
    /// </summary>
    public string? JsonContext { get; init; }

    /// <summary>In an app: <see cref="JsonContext"/> declares its own <c>[JsonSourceGenerationOptions]</c>.</summary>
    public bool JsonContextHasOptions { get; init; }

    /// <summary>The handler is static.</summary>
    public required bool IsStatic { get; init; }

    /// <summary>
    /// The handler produces no result: it returns <c>void</c>, or, asynchronous, <c>ValueTask</c> or <c>Task</c>.
    /// </summary>
    public required bool ReturnsVoid { get; init; }

    /// <summary>
    /// What the handler produces (an async handler's <c>T</c>) and how it is written as the response; <see langword="null"/>
    /// for none, or when it cannot be written (the router then gets no <c>HttpEndpoint</c>).
    /// </summary>
    public ResultSpec? Result { get; init; }

    /// <summary>The type the handler produces (an async handler's <c>T</c>), fully qualified; <see langword="null"/> for none.</summary>
    public string? ResultType { get; init; }

    /// <summary>What an asynchronous handler returns; <see cref="AsyncReturn.None"/> for a synchronous one.</summary>
    public AsyncReturn Async { get; init; }

    /// <summary>
    /// The time limit of an asynchronous handler in milliseconds (<c>[HandlerTimeout]</c> on it, or on the router), -1
    /// for none; <see langword="null"/> for the server's default (and for every synchronous handler).
    /// </summary>
    public int? TimeoutMilliseconds { get; init; }

    /// <summary>The handler is asynchronous: it returns a <c>ValueTask</c>, <c>Task</c> or their generic forms.</summary>
    public bool IsAsync => Async != AsyncReturn.None;

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

/// <summary>What a handler returns that it may complete later; the generated code awaits each the same way.</summary>
internal enum AsyncReturn
{
    /// <summary>Synchronous: <c>void</c> or the result itself.</summary>
    None,
    /// <summary><c>ValueTask</c>.</summary>
    ValueTask,
    /// <summary><c>ValueTask&lt;T&gt;</c>, <c>T</c> the handler's result type.</summary>
    ValueTaskOfResult,
    /// <summary><c>Task</c>: handed on as <c>new ValueTask(task)</c>.</summary>
    Task,
    /// <summary><c>Task&lt;T&gt;</c>: handed on as <c>new ValueTask&lt;T&gt;(task)</c>.</summary>
    TaskOfResult,
}

/// <summary>A route the generator left out, and why; listed in the generated file's remarks.</summary>
internal sealed record SkippedRoute(string Pattern, string HandlerName, string Reason);
