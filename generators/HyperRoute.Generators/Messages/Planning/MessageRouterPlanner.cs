using HyperRoute.Generators.Steps;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// Stage 2 for message routers: the router's steps, the key-less predicates as <c>if</c>s, one <c>switch</c> arm per
/// <c>[On]</c> (predicated arms as <c>case value when Predicate(…)</c> ahead of the value's plain arm), the
/// <c>[Otherwise]</c> handler as <c>default</c>. The message is copied only where a transform changes it: once before
/// routing when the router has transforms, otherwise inside the arm of a handler that has. A <c>[To]</c> handler's arm
/// is its forward, written in place rather than called, and its partial method gets the same forward as its
/// implementation. A router with an async handler returns its outcome as a <c>ValueTask</c>. The plan holds decisions only; <see cref="MessageRouterEmitter"/> writes them as code.
/// </summary>
internal static class MessageRouterPlanner
{
    public static MessageRouterPlan Plan(MessageRouterSpec spec)
    {
        var layout = spec.Layout;
        var copiesAtSource = layout.Steps.Any(s => s.Kind == StepKind.Transform);
        var anywhere = layout.Anywhere.Select(c => Arm(c.Attribute, null, c.When, c.Handler, copiesAtSource)).ToList();
        var arms = layout.Cases.Select(c => Arm(c.Attribute, new RouteKey(c.Value!.Value, c.EnumMember), c.When, c.Handler, copiesAtSource)).ToList();
        var fallback = layout.Otherwise is { } otherwise ? Arm("[Otherwise]", null, null, otherwise, copiesAtSource) : null;

        var rows = new List<RouteRow>();
        rows.AddRange(layout.Anywhere.Select(c => new RouteRow("(any)", Identifiers.Unescape(c.When!.Name), HandlerCell(c.Handler))));
        rows.AddRange(layout.Cases.Select(c => new RouteRow(Key(layout, c), c.When is { } when ? Identifiers.Unescape(when.Name) : "", HandlerCell(c.Handler))));
        rows.Add(layout.Otherwise is { } fallbackHandler
            ? new RouteRow("otherwise", "", HandlerCell(fallbackHandler))
            : new RouteRow("otherwise", "", "(not routed: Route returns Unrouted)"));
        var hasPredicates = layout.Anywhere.Count > 0 || layout.Cases.Any(c => c.When is not null);
        var forwards = layout.Anywhere.Concat(layout.Cases).Select(c => c.Handler).Append(layout.Otherwise)
            .Where(h => h?.Forward is not null)
            .GroupBy(h => h!.Name)
            .OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => g.First()!)
            .Select(h => new ForwardMethod(h.Name, h.ByIn, h.Forward!))
            .ToList();
        return new MessageRouterPlan(spec, layout.IsStatic, layout.IsAsync, copiesAtSource, anywhere, arms, fallback, hasPredicates, rows, forwards);
    }

    private static RouteArm Arm(string comment, RouteKey? key, MessagePredicate? when, MessageHandler handler, bool copiesAtSource)
    {
        var copy = copiesAtSource ? MessageCopy.AtSource
            : handler.Steps.Any(s => s.Kind == StepKind.Transform) ? MessageCopy.InArm
            : MessageCopy.None;
        return new RouteArm(comment, key, when, copy, handler);
    }

    // The handler as the table shows it (a [To] handler as its destination group), with the steps that run before it.
    private static string HandlerCell(MessageHandler handler)
        => (handler.Forward is { } to
                ? "to " + Identifiers.Unescape(to.Group) + " (" + to.GroupTypeDisplay + ")" + (to.Key is { } key ? " by " + Identifiers.Unescape(key.FieldName) : "")
                : Identifiers.Unescape(handler.Name) + (handler.IsAsync ? " (async)" : ""))
            + (handler.Steps.Count == 0 ? "" : " after " + string.Join(" ", handler.Steps.Select(s => s.Attribute)));

    // The key as the remarks table shows it: the value, and an enum member's name (Kind.Temperature = 1).
    private static string Key(MessageRouterLayout layout, MessageRouteCase routeCase)
    {
        var value = routeCase.Value!.Value.ToString(CultureInfo.InvariantCulture);
        return layout.KeyEnumType is { } enumType && routeCase.EnumMember is { } member
            ? enumType.Substring(enumType.LastIndexOf('.') + 1) + "." + member + " = " + value
            : value;
    }
}
