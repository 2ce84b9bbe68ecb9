using System.Globalization;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// The plan's decisions as code: the message the steps and handlers read, direct calls of predicates and handlers,
/// the destination group's member and the <c>case</c> labels. Static members are read through the router's type,
/// instance ones through <c>this</c>, so that no member or parameter named like them can shadow them.
/// </summary>
internal static partial class MessageRouterEmitter
{
    // The copy when the message was copied, the caller's message otherwise.
    private static string Subject(bool copied) => copied ? "routed" : "message";

    // What routing reads: the copy made before routing, or the caller's message.
    private static string RoutingSubject(MessageRouterPlan plan) => Subject(plan.CopiesAtSource);

    // What an arm's predicate reads (its own copy is made after the predicate chose it).
    private static string PredicateSubject(RouteArm arm) => Subject(arm.Copy == MessageCopy.AtSource);

    // What an arm's steps and handler read.
    private static string HandlerSubject(RouteArm arm) => Subject(arm.Copy != MessageCopy.None);

    private static string Target(MessageRouterPlan plan, bool isStatic) => isStatic ? plan.Spec.Declaration.FullName : "this";

    private static string Call(MessageRouterPlan plan, string method, bool isStatic, bool byIn, string subject, string? more = null)
        => Target(plan, isStatic) + "." + method + "(" + (byIn ? "in " : "") + subject + (more is null ? "" : ", " + more) + ")";

    // The predicate call (global::Ns.R.IsAlarm(in message)).
    private static string Guard(MessageRouterPlan plan, RouteArm arm, MessagePredicate when)
        => Call(plan, when.Name, when.IsStatic, when.ByIn, PredicateSubject(arm));

    // The handler call (this.OnTemperature(in routed), global::Ns.R.Alarm(message, cancellationToken)).
    private static string HandlerCall(MessageRouterPlan plan, RouteArm arm)
        => Call(plan, arm.Handler.Name, arm.Handler.IsStatic, arm.Handler.ByIn, HandlerSubject(arm), arm.Handler.BindsCancellation ? "cancellationToken" : null);

    // The destination group member (this.Climate, global::Ns.R.Climate).
    private static string Group(MessageRouterPlan plan, MessageForward forward) => Target(plan, forward.GroupIsStatic) + "." + forward.Group;

    // The case label in the key's type: 1, global::Ns.Kind.Temperature, or (global::Ns.Kind)7 for a value no member has.
    private static string Label(MessageRouterPlan plan, RouteKey key)
    {
        var literal = key.Value.ToString(CultureInfo.InvariantCulture);
        if (plan.Spec.Layout.KeyEnumType is not { } enumType)
        {
            return literal;
        }

        return key.EnumMember is { } member
            ? enumType + "." + member
            : "(" + enumType + ")" + (key.Value < 0 ? "(" + literal + ")" : literal);
    }
}
