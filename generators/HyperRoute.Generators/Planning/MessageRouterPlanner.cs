using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HyperRoute.Common.Messages;
using HyperRoute.Generators.Model;

namespace HyperRoute.Generators.Planning;

/// <summary>One arm of the router's <c>switch</c>: its label (<see langword="null"/> for <c>default</c>), the attribute it comes from, the call it makes, and its row in the remarks table.</summary>
internal sealed record RouteArm(string? Label, string Comment, string Call, string Key, string Handler);

/// <summary>Stage 2's result for a message router: the spec, whether its methods are static, and the arms in order.</summary>
internal sealed record MessageRouterPlan(MessageRouterSpec Spec, bool IsStatic, IReadOnlyList<RouteArm> Arms, RouteArm? Fallback);

/// <summary>
/// Stage 2 for message routers: one <c>switch</c> arm per <c>[On]</c> value, by ascending value, each calling its
/// handler directly (static handlers through the router's type, instance ones through <c>this</c>, so that no member
/// or parameter named like a handler can shadow it), and the <c>[Otherwise]</c> handler as <c>default</c>.
/// </summary>
internal static class MessageRouterPlanner
{
    public static MessageRouterPlan Plan(MessageRouterSpec spec)
    {
        var layout = spec.Layout;
        var arms = layout.Cases
            .Select(c => new RouteArm(c.Label, c.Attribute, Call(spec, c.Handler), Key(c), Unescape(c.Handler.Name)))
            .ToList();
        var fallback = layout.Otherwise is { } otherwise
            ? new RouteArm(null, "[Otherwise]", Call(spec, otherwise), "otherwise", Unescape(otherwise.Name))
            : null;
        return new MessageRouterPlan(spec, layout.IsStatic, arms, fallback);
    }

    private static string Call(MessageRouterSpec spec, MessageHandler handler)
        => (handler.IsStatic ? spec.FullName : "this") + "." + handler.Name + "(" + (handler.ByIn ? "in message" : "message") + ");";

    // The key as the remarks table shows it: the value, and an enum member's name (Kind.Temperature = 1).
    private static string Key(MessageRouteCase routeCase)
    {
        var value = routeCase.Value.ToString(CultureInfo.InvariantCulture);
        return routeCase.Label.StartsWith("global::", System.StringComparison.Ordinal)
            ? routeCase.Label.Substring(routeCase.Label.LastIndexOf('.', routeCase.Label.LastIndexOf('.') - 1) + 1) + " = " + value
            : value;
    }

    private static string Unescape(string name) => name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;
}
