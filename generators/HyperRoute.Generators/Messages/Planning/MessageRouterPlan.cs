using System.Collections.Generic;

namespace HyperRoute.Generators.Messages;

/// <summary>Where the message a handler gets is copied (into <c>routed</c>) so that transforms never change the caller's.</summary>
internal enum MessageCopy
{
    /// <summary>Not copied: nothing before the handler transforms it, so it reads the caller's message.</summary>
    None,

    /// <summary>Copied once before routing, for the router's own transforms; predicates and handlers read the copy.</summary>
    AtSource,

    /// <summary>Copied in the arm, for the handler's own transforms; its predicate reads the caller's message.</summary>
    InArm,
}

/// <summary>A <c>case</c> value: the key value, and an enum key's member of that value.</summary>
/// <param name="Value">The key value.</param>
/// <param name="EnumMember">The enum member with <paramref name="Value"/> (escaped with <c>@</c> when it is a keyword); <see langword="null"/> for an integer key and a value no member has.</param>
internal sealed record RouteKey(long Value, string? EnumMember);

/// <summary>
/// One way a message reaches a handler: the attribute it comes from, the key value it is a <c>case</c> of (none for a
/// key-less predicate and the fallback), the predicate tested first, where the message is copied, and the handler
/// (with its steps, and its forward when it is a <c>[To]</c> handler).
/// </summary>
/// <param name="Comment">The attribute as written, for the <c>//</c> comment above the test.</param>
/// <param name="Key">The <c>case</c> value; <see langword="null"/> for a key-less predicate and for the fallback.</param>
/// <param name="When">The predicate called first; <see langword="null"/> without <c>When</c>.</param>
/// <param name="Copy">Where the message the steps and the handler get was copied, if anywhere.</param>
/// <param name="Handler">The handler: which method, static or instance, by <c>in</c> or by value, its steps and its forward.</param>
internal sealed record RouteArm(string Comment, RouteKey? Key, MessagePredicate? When, MessageCopy Copy, MessageHandler Handler);

/// <summary>The generated implementation of a <c>[To]</c> handler's partial method: the same forward as its cases in <c>Route</c>.</summary>
/// <param name="Name">The method name as generated code declares it.</param>
/// <param name="ByIn">The message is taken by <c>in</c>.</param>
/// <param name="Forward">The forward, with the definition's modifiers and parameter name.</param>
internal sealed record ForwardMethod(string Name, bool ByIn, MessageForward Forward);

/// <summary>One row of the route table in the remarks: the key, the predicate (may be empty) and the handler.</summary>
internal sealed record RouteRow(string Key, string When, string Handler);

/// <summary>Stage 2's result for a message router.</summary>
/// <param name="Spec">The router.</param>
/// <param name="IsStatic">Its generated methods are static (every handler is).</param>
/// <param name="IsAsync">Some handler is async: <c>Route</c> and <c>TryRoute</c> return <c>ValueTask&lt;MessageOutcome&gt;</c>.</param>
/// <param name="CopiesAtSource">The router's own transforms need the message copied into <c>routed</c> before routing.</param>
/// <param name="Anywhere">The key-less predicates, tested before the <c>switch</c> in declaration order.</param>
/// <param name="Arms">The <c>switch</c> arms: by value, each value's predicates in declaration order before its plain handler.</param>
/// <param name="Fallback">The <c>[Otherwise]</c> arm, or <see langword="null"/>.</param>
/// <param name="HasPredicates">Some <c>[On]</c> has <c>When</c>: the route table shows a predicate column.</param>
/// <param name="Rows">The route table.</param>
/// <param name="Forwards">The <c>[To]</c> handlers' partial method implementations, by name.</param>
internal sealed record MessageRouterPlan(
    MessageRouterSpec Spec,
    bool IsStatic,
    bool IsAsync,
    bool CopiesAtSource,
    IReadOnlyList<RouteArm> Anywhere,
    IReadOnlyList<RouteArm> Arms,
    RouteArm? Fallback,
    bool HasPredicates,
    IReadOnlyList<RouteRow> Rows,
    IReadOnlyList<ForwardMethod> Forwards);
