using HyperRoute.Generators.Routing;
using HyperRoute.Generators.Steps;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// One way a message reaches a handler: the attribute it comes from, where it sits (a <c>case</c> label, or none for a
/// key-less predicate and the fallback), the predicate tested first, the handler's own steps and the call.
/// </summary>
/// <param name="Comment">The attribute as written, for the <c>//</c> comment above the test.</param>
/// <param name="Label">The <c>case</c> label; <see langword="null"/> for a key-less predicate and for the fallback.</param>
/// <param name="Guard">The predicate call (<c>global::Ns.R.IsAlarm(in message)</c>); <see langword="null"/> without <c>When</c>.</param>
/// <param name="Copies">The arm copies the message into <c>routed</c> for its transforms (the router has not already).</param>
/// <param name="Subject">What the steps and the handler get: <c>routed</c> (the copy) or <c>message</c>.</param>
/// <param name="Steps">The handler's validators and transforms, in declaration order.</param>
/// <param name="Call">The handler call statement.</param>
/// <param name="Handler">The handler's name as users read it.</param>
/// <param name="Forward">For a <c>[To]</c> handler, the forward written in place of <paramref name="Call"/>; otherwise <see langword="null"/>.</param>
internal sealed record RouteArm(string Comment, string? Label, string? Guard, bool Copies, string Subject, EquatableArray<PipelineStep> Steps, string Call, string Handler, PlannedForward? Forward);

/// <summary>A <c>[To]</c> handler's forward: its attribute, the group as generated code reads it, and the key.</summary>
/// <param name="Comment">The attribute as written, for the <c>//</c> comment above the forward.</param>
/// <param name="Group">The group expression: <c>this.Climate</c> or <c>global::Ns.R.Climate</c>.</param>
/// <param name="GroupName">The group member's name as users read it.</param>
/// <param name="Key">The routing key, or <see langword="null"/>.</param>
internal sealed record PlannedForward(string Comment, string Group, string GroupName, ForwardKey? Key);

/// <summary>The generated implementation of a <c>[To]</c> handler's partial method: the same forward as its cases in <c>Route</c>.</summary>
/// <param name="Modifiers">The modifiers as the definition writes them (<c>private static partial</c>).</param>
/// <param name="Name">The method name as generated code declares it.</param>
/// <param name="Parameter">The parameter name as the definition declares it.</param>
/// <param name="ByIn">The message is taken by <c>in</c>.</param>
/// <param name="Forward">The forward.</param>
internal sealed record ForwardMethod(string Modifiers, string Name, string Parameter, bool ByIn, PlannedForward Forward);

/// <summary>One row of the route table in the remarks: the key, the predicate (may be empty) and the handler.</summary>
internal sealed record RouteRow(string Key, string When, string Handler);

/// <summary>Stage 2's result for a message router.</summary>
/// <param name="Spec">The router.</param>
/// <param name="IsStatic">Its generated methods are static (every handler is).</param>
/// <param name="CopiesAtSource">The router's own transforms need the message copied into <c>routed</c> before routing.</param>
/// <param name="Subject">What routing reads after the router's steps: <c>routed</c> or <c>message</c>.</param>
/// <param name="Anywhere">The key-less predicates, tested before the <c>switch</c> in declaration order.</param>
/// <param name="Arms">The <c>switch</c> arms: by value, each value's predicates in declaration order before its plain handler.</param>
/// <param name="Fallback">The <c>[Otherwise]</c> arm, or <see langword="null"/>.</param>
/// <param name="HasPredicates">Some <c>[On]</c> has <c>When</c>: the route table shows a predicate column.</param>
/// <param name="Rows">The route table.</param>
/// <param name="Forwards">The <c>[To]</c> handlers' partial method implementations, by name.</param>
internal sealed record MessageRouterPlan(
    MessageRouterSpec Spec,
    bool IsStatic,
    bool CopiesAtSource,
    string Subject,
    IReadOnlyList<RouteArm> Anywhere,
    IReadOnlyList<RouteArm> Arms,
    RouteArm? Fallback,
    bool HasPredicates,
    IReadOnlyList<RouteRow> Rows,
    IReadOnlyList<ForwardMethod> Forwards);

/// <summary>
/// Stage 2 for message routers: the router's steps, the key-less predicates as <c>if</c>s, one <c>switch</c> arm per
/// <c>[On]</c> (predicated arms as <c>case value when Predicate(…)</c> ahead of the value's plain arm), the
/// <c>[Otherwise]</c> handler as <c>default</c>. Every call is direct: static members through the router's type,
/// instance ones through <c>this</c>, so that no member or parameter named like them can shadow them. The message is
/// copied only where a transform changes it: once before routing when the router has transforms, otherwise inside the
/// arm of a handler that has. A <c>[To]</c> handler's arm is its forward, written in place rather than called (see
/// <see cref="PlannedForward"/>), and its partial method gets the same forward as its implementation.
/// </summary>
internal static class MessageRouterPlanner
{
    public static MessageRouterPlan Plan(MessageRouterSpec spec)
    {
        var layout = spec.Layout;
        var copiesAtSource = layout.Steps.Any(s => s.Kind == StepKind.Transform);
        var subject = copiesAtSource ? "routed" : "message";
        var anywhere = layout.Anywhere.Select(c => Arm(spec, c.Attribute, null, c.When, c.Handler, copiesAtSource)).ToList();
        var arms = layout.Cases.Select(c => Arm(spec, c.Attribute, c.Label, c.When, c.Handler, copiesAtSource)).ToList();
        var fallback = layout.Otherwise is { } otherwise ? Arm(spec, "[Otherwise]", null, null, otherwise, copiesAtSource) : null;

        var rows = new List<RouteRow>();
        rows.AddRange(layout.Anywhere.Select(c => new RouteRow("(any)", Identifiers.Unescape(c.When!.Name), HandlerCell(c.Handler))));
        rows.AddRange(layout.Cases.Select(c => new RouteRow(Key(c), c.When is { } when ? Identifiers.Unescape(when.Name) : "", HandlerCell(c.Handler))));
        rows.Add(layout.Otherwise is { } fallbackHandler
            ? new RouteRow("otherwise", "", HandlerCell(fallbackHandler))
            : new RouteRow("otherwise", "", "(not routed: Route returns Unrouted)"));
        var hasPredicates = layout.Anywhere.Count > 0 || layout.Cases.Any(c => c.When is not null);
        var forwards = layout.Anywhere.Concat(layout.Cases).Select(c => c.Handler).Append(layout.Otherwise)
            .Where(h => h?.Forward is not null)
            .GroupBy(h => h!.Name)
            .OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => g.First()!)
            .Select(h => new ForwardMethod(h.Forward!.Modifiers, h.Name, h.Forward.Parameter, h.ByIn, Forward(spec, h.Forward)))
            .ToList();
        return new MessageRouterPlan(spec, layout.IsStatic, copiesAtSource, subject, anywhere, arms, fallback, hasPredicates, rows, forwards);
    }

    private static PlannedForward Forward(MessageRouterSpec spec, MessageForward forward)
        => new(forward.Attribute, Target(spec, forward.GroupIsStatic) + "." + forward.Group, Identifiers.Unescape(forward.Group), forward.Key);

    private static RouteArm Arm(MessageRouterSpec spec, string comment, string? label, MessagePredicate? when, MessageHandler handler, bool copiesAtSource)
    {
        var routingSubject = copiesAtSource ? "routed" : "message";
        var copies = !copiesAtSource && handler.Steps.Any(s => s.Kind == StepKind.Transform);
        var subject = copiesAtSource || copies ? "routed" : "message";
        var guard = when is null ? null : Target(spec, when.IsStatic) + "." + when.Name + "(" + (when.ByIn ? "in " : "") + routingSubject + ")";
        var call = Target(spec, handler.IsStatic) + "." + handler.Name + "(" + (handler.ByIn ? "in " : "") + subject + ");";
        var forward = handler.Forward is { } to ? Forward(spec, to) : null;
        return new RouteArm(comment, label, guard, copies, subject, handler.Steps, call, Identifiers.Unescape(handler.Name), forward);
    }

    private static string Target(MessageRouterSpec spec, bool isStatic) => isStatic ? spec.Declaration.FullName : "this";

    // The handler as the table shows it (a [To] handler as its destination group), with the steps that run before it.
    private static string HandlerCell(MessageHandler handler)
        => (handler.Forward is { } to
                ? "to " + Identifiers.Unescape(to.Group) + " (" + to.GroupTypeDisplay + ")" + (to.Key is { } key ? " by " + Identifiers.Unescape(key.FieldName) : "")
                : Identifiers.Unescape(handler.Name))
            + (handler.Steps.Count == 0 ? "" : " after " + string.Join(" ", handler.Steps.Select(s => s.Attribute)));

    // The key as the remarks table shows it: the value, and an enum member's name (Kind.Temperature = 1).
    private static string Key(MessageRouteCase routeCase)
    {
        var value = routeCase.Value!.Value.ToString(CultureInfo.InvariantCulture);
        var label = routeCase.Label!;
        return label.StartsWith("global::", System.StringComparison.Ordinal)
            ? label.Substring(label.LastIndexOf('.', label.LastIndexOf('.') - 1) + 1) + " = " + value
            : value;
    }
}
