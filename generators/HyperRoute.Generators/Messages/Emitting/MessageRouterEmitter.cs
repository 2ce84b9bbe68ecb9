using HyperRoute.Generators.Emitting;
using HyperRoute.Generators.Steps;
using System.Linq;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// Stage 3 for message routers: writes a <see cref="MessageRouterPlan"/> into the class as <c>Route(in TMessage)</c>
/// (the router's steps, the key-less predicates, a <c>switch</c> on the key), and, for a message with a span reader,
/// <c>TryRoute(ReadOnlySpan&lt;byte&gt;, out int)</c> and the nested <c>FrameHandler</c> a source feeds. A router
/// with an async handler returns its outcomes as <c>ValueTask&lt;MessageOutcome&gt;</c> (completed at once for every
/// handler that completed synchronously) and takes a <c>CancellationToken</c> for the handlers that bind one.
/// </summary>
internal static partial class MessageRouterEmitter
{
    private const string GeneratedCode = GeneratedMethods.GeneratedCode;
    private const string Outcome = "Messaging::MessageOutcome";
    private const string AsyncOutcome = "System::Threading.Tasks.ValueTask<" + Outcome + ">";
    private const string CancellationToken = "System::Threading.CancellationToken";
    private const string Routing = "Messaging::MessageRouting";

    public static string Emit(MessageRouterPlan plan)
    {
        var type = plan.Spec.Declaration;
        return GeneratedFileWriter.Write(type, "the [On] and [Otherwise] handlers of " + type.Name, type.Header, writer => WriteMembers(writer, plan));
    }

    private static void WriteMembers(SourceWriter writer, MessageRouterPlan plan)
    {
        WriteRoute(writer, plan);
        WriteForwardMethods(writer, plan);
        if (plan.Spec.Layout.HasSpanReader)
        {
            writer.Line();
            WriteTryRoute(writer, plan);
            writer.Line();
            WriteFrameHandler(writer, plan);
        }
    }

    private static void WriteRoute(SourceWriter writer, MessageRouterPlan plan)
    {
        var layout = plan.Spec.Layout;
        writer.Doc(
            "Calls the handler that <paramref name=\"message\"/>'s <c>" + layout.KeyName + "</c>" + (plan.HasPredicates ? " and the <c>When</c> predicates pick" : " picks") + ", directly."
            + " Returns <see cref=\"" + Outcome + ".Routed\"/> when a handler ran"
            + (layout.Steps.Any(s => s.Kind == StepKind.Validate) || plan.Arms.Concat(plan.Anywhere).Append(plan.Fallback).Any(a => a is not null && a.Handler.Steps.Any(s => s.Kind == StepKind.Validate))
                ? ", <see cref=\"" + Outcome + ".Rejected\"/> when a validator refused the message (and no handler ran)"
                : "")
            + (plan.Fallback is null ? ", and <see cref=\"" + Outcome + ".Unrouted\"/> when no [On] takes it (there is no [Otherwise])." : "; the [Otherwise] handler takes every message no [On] takes.")
            + (plan.Forwards.Count == 0
                ? ""
                : " A [To] handler forwards the message to its destination group: <see cref=\"" + Outcome + ".Routed\"/> when a destination "
                    + "accepted it, <see cref=\"" + Outcome + ".Undelivered\"/> when none did.")
            + (plan.IsAsync
                ? " The outcome is ready when the handler has completed: at once for a synchronous handler and for an async one that "
                    + "completed without waiting (nothing is allocated then), otherwise when its task completes (its exception comes out of the "
                    + "returned task). <paramref name=\"cancellationToken\"/> goes to the async handlers that take one."
                : ""));
        WriteRemarks(writer, plan);
        writer.Line(GeneratedCode);
        writer.Declaration("public " + (plan.IsStatic ? "static " : "") + (plan.IsAsync ? AsyncOutcome : Outcome) + " Route(in " + layout.MessageFullName + " message"
            + (plan.IsAsync ? ", " + CancellationToken + " cancellationToken = default" : "") + ")");
        using (writer.Braces())
        {
            if (layout.Steps.Count > 0)
            {
                writer.Line("// Before routing, every message:");
                if (plan.CopiesAtSource)
                {
                    writer.Line("var routed = message;", "the transforms change this copy, never the caller's message");
                }

                WriteSteps(writer, plan, layout.Steps, RoutingSubject(plan), "routing", spaceAfterLast: false);
                writer.Line();
            }

            foreach (var arm in plan.Anywhere)
            {
                writer.Line("// " + arm.Comment);
                writer.Line("if (" + Guard(plan, arm, arm.When!) + ")");
                using (writer.Braces())
                {
                    WriteArmBody(writer, plan, arm);
                }

                writer.Line();
            }

            WriteSwitch(writer, plan);
        }
    }

    // One case per [On] calling its handler directly (predicated ones guarded with 'when', ahead of the value's
    // plain one), the [Otherwise] handler (or "not routed") as default.
    private static void WriteSwitch(SourceWriter writer, MessageRouterPlan plan)
    {
        var layout = plan.Spec.Layout;
        writer.Line("switch (" + RoutingSubject(plan) + "." + layout.KeyName + ")");
        using (writer.Braces())
        {
            foreach (var arm in plan.Arms)
            {
                writer.Line("// " + arm.Comment);
                writer.Line("case " + Label(plan, arm.Key!) + (arm.When is { } when ? " when " + Guard(plan, arm, when) : "") + ":");
                WriteSection(writer, plan, arm);
            }

            if (plan.Fallback is { } fallback)
            {
                writer.Line("// " + fallback.Comment);
                writer.Line("default:");
                WriteSection(writer, plan, fallback);
            }
            else
            {
                writer.Line("default:");
                using (writer.Indent())
                {
                    writer.Line(Return(plan, Outcome + ".Unrouted"), "no [On] takes this message, and there is no [Otherwise]");
                }
            }
        }
    }

    // A switch section's statements; in braces when it declares the copy or a routing key, so that sections do not share the local.
    private static void WriteSection(SourceWriter writer, MessageRouterPlan plan, RouteArm arm)
    {
        using (arm.Copy == MessageCopy.InArm || arm.Handler.Forward?.Key is not null ? writer.Braces() : writer.Indent())
        {
            WriteArmBody(writer, plan, arm);
        }
    }

    // The handler's steps, then the handler, or a [To] handler's forward written in place.
    private static void WriteArmBody(SourceWriter writer, MessageRouterPlan plan, RouteArm arm)
    {
        if (arm.Copy == MessageCopy.InArm)
        {
            writer.Line("var routed = message;", "the transforms change this copy, never the caller's message");
        }

        var subject = HandlerSubject(arm);
        WriteSteps(writer, plan, arm.Handler.Steps, subject, Identifiers.Unescape(arm.Handler.Name), spaceAfterLast: true);
        if (arm.Handler.Forward is { } forward)
        {
            WriteForward(writer, plan, forward, subject, inAsyncRoute: plan.IsAsync);
            return;
        }

        if (arm.Handler.IsAsync)
        {
            writer.Line(
                "return " + Routing + ".Routed(" + HandlerCall(plan, arm) + ");",
                "async: Routed when " + Identifiers.Unescape(arm.Handler.Name) + "'s task completes, pending until then");
            return;
        }

        writer.Line(HandlerCall(plan, arm) + ";");
        writer.Line(Return(plan, Outcome + ".Routed"));
    }

    // A return of an outcome: as it is, or in an async router as a completed ValueTask (no allocation).
    private static string Return(MessageRouterPlan plan, string outcome) => "return " + (plan.IsAsync ? "new(" + outcome + ")" : outcome) + ";";

    // Validators and transforms in declaration order, each a direct static call under a comment naming it.
    private static void WriteSteps(SourceWriter writer, MessageRouterPlan plan, EquatableArray<PipelineStep> steps, string subject, string before, bool spaceAfterLast)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            writer.Line("// " + step.Attribute);
            if (step.Kind == StepKind.Transform)
            {
                writer.Line(step.TypeName + ".Transform(ref " + subject + ");");
                continue;
            }

            writer.Line("if (!" + step.TypeName + ".Validate(in " + subject + ").IsValid)");
            using (writer.Braces())
            {
                writer.Line(Return(plan, Outcome + ".Rejected"), step.Display + " refused the message: " + (before == "routing" ? "it is not routed" : before + " does not run"));
            }

            if (i < steps.Count - 1 || spaceAfterLast)
            {
                writer.Line();
            }
        }
    }

    private static void WriteTryRoute(SourceWriter writer, MessageRouterPlan plan)
    {
        var layout = plan.Spec.Layout;
        writer.Doc(
            "Reads a " + layout.MessageDisplay + " from the start of <paramref name=\"frame\"/> and routes it (see <see cref=\"Route\"/>). Returns "
            + "<see cref=\"" + Outcome + ".Malformed\"/> with <paramref name=\"consumed\"/> 0 when the frame does not hold one; otherwise "
            + "<paramref name=\"consumed\"/> is the bytes the message took (the frame may hold more)."
            + (plan.IsAsync ? " The message is read into a copy, so the frame is not needed once this returns, even when an async handler is pending." : ""));
        writer.Line(GeneratedCode);
        writer.Declaration("public " + (plan.IsStatic ? "static " : "") + (plan.IsAsync ? AsyncOutcome : Outcome) + " TryRoute(System::ReadOnlySpan<byte> frame, out int consumed"
            + (plan.IsAsync ? ", " + CancellationToken + " cancellationToken = default" : "") + ")");
        using (writer.Braces())
        {
            writer.Line("if (!" + layout.MessageFullName + ".TryRead(frame, out var message, out consumed))");
            using (writer.Braces())
            {
                writer.Line(Return(plan, Outcome + ".Malformed"), "the frame is too short, or holds a value the message cannot take");
            }

            writer.Line();
            writer.Line(plan.IsAsync ? "return Route(in message, cancellationToken);" : "return Route(in message);");
        }
    }
}
