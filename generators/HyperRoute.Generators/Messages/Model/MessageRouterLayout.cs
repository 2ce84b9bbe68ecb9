
using HyperRoute.Generators.Steps;
using HyperRoute.Generators.Routing;

namespace HyperRoute.Generators.Messages;

/// <summary>A handler method of a message router. Value-equatable, no symbols.</summary>
/// <param name="Name">The method name as generated code calls it (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="IsStatic">The handler is static (called through the router type) rather than instance (through <c>this</c>).</param>
/// <param name="ByIn">The handler takes the message <c>in</c> rather than by value.</param>
/// <param name="Steps">Its <c>[Validate&lt;V&gt;]</c>/<c>[Transform&lt;X&gt;]</c>, in declaration order: run after routing, before it.</param>
/// <param name="Forward">For a <c>[To]</c> handler (a partial method the generator writes), where it forwards; otherwise <see langword="null"/>.</param>
/// <param name="IsAsync">The handler returns <c>ValueTask</c>: the message is routed when its task completes.</param>
/// <param name="BindsCancellation">The (async) handler takes a <c>CancellationToken</c> after the message.</param>
internal sealed record MessageHandler(string Name, bool IsStatic, bool ByIn, EquatableArray<PipelineStep> Steps, MessageForward? Forward = null, bool IsAsync = false, bool BindsCancellation = false);

/// <summary>A <c>When</c> predicate of a message router: <c>bool Name(in TMessage)</c> or <c>bool Name(TMessage)</c>.</summary>
/// <param name="Name">The method name as generated code calls it (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="IsStatic">The predicate is static rather than instance.</param>
/// <param name="ByIn">The predicate takes the message <c>in</c> rather than by value.</param>
internal sealed record MessagePredicate(string Name, bool IsStatic, bool ByIn);

/// <summary>One <c>[On]</c>: the key value (none for a key-less <c>[On(When = …)]</c>), the predicate, the handler, and how it was written.</summary>
/// <param name="Value">The key value; <see langword="null"/> for a key-less <c>[On(When = …)]</c>.</param>
/// <param name="EnumMember">For an enum key, the member with <paramref name="Value"/> as generated code names it (<c>Temperature</c>, escaped with <c>@</c> when it is a keyword); <see langword="null"/> for an integer key, a value no member has, and without a value.</param>
/// <param name="Attribute">The attribute as written, whitespace collapsed (<c>[On(1)]</c>, <c>[On(3, When = nameof(IsAlarm))]</c>).</param>
/// <param name="When">The predicate, or <see langword="null"/> for a plain <c>[On(value)]</c>.</param>
internal sealed record MessageRouteCase(long? Value, string? EnumMember, string Attribute, MessagePredicate? When, MessageHandler Handler);

/// <summary>What a <c>[MessageRouter]</c> class routes and to which handlers. Value-equatable, no symbols.</summary>
internal sealed record MessageRouterLayout
{
    /// <summary>The message type as generated code names it (<c>global::Ns.Telemetry</c>).</summary>
    public required string MessageFullName { get; init; }

    /// <summary>The message type as comments show it (<c>Telemetry</c>).</summary>
    public required string MessageDisplay { get; init; }

    /// <summary>The key field as generated code names it (<c>Kind</c>).</summary>
    public required string KeyName { get; init; }

    /// <summary>The key field's type as comments show it (<c>ushort</c>, <c>TelemetryKind</c>).</summary>
    public required string KeyTypeDisplay { get; init; }

    /// <summary>An enum key's type as generated code names it (<c>global::Ns.TelemetryKind</c>); <see langword="null"/> for an integer key.</summary>
    public string? KeyEnumType { get; init; }

    /// <summary>The message has a span reader (<c>TryRead(ReadOnlySpan&lt;byte&gt;, …)</c>): it holds no byte strings.</summary>
    public required bool HasSpanReader { get; init; }

    /// <summary>The router's own <c>[Validate&lt;V&gt;]</c>/<c>[Transform&lt;X&gt;]</c>, in declaration order: run on every message before routing.</summary>
    public required EquatableArray<PipelineStep> Steps { get; init; }

    /// <summary>The key-less <c>[On(When = …)]</c>, in declaration order: tested before the <c>switch</c>.</summary>
    public required EquatableArray<MessageRouteCase> Anywhere { get; init; }

    /// <summary>Every <c>[On(value)]</c>, by ascending value, each value's in declaration order (its plain one last).</summary>
    public required EquatableArray<MessageRouteCase> Cases { get; init; }

    /// <summary>The <c>[Otherwise]</c> handler, or <see langword="null"/>.</summary>
    public MessageHandler? Otherwise { get; init; }

    /// <summary>Every handler is static, so <c>Route</c> and <c>TryRoute</c> are static too (and so must every predicate be).</summary>
    public required bool IsStatic { get; init; }

    /// <summary>
    /// Some handler is async (returns <c>ValueTask</c>), so <c>Route</c> and <c>TryRoute</c> return
    /// <c>ValueTask&lt;MessageOutcome&gt;</c>, take a <c>CancellationToken</c>, and the <c>FrameHandler</c> suspends
    /// its frame while the routing is pending.
    /// </summary>
    public bool IsAsync { get; init; }
}
