
using HyperRoute.Generators.Emitting;

namespace HyperRoute.Generators.Messages;

/// <summary>The nested <c>FrameHandler</c> that wires a source to the router.</summary>
internal static partial class MessageRouterEmitter
{
    private const string Counters = "Messaging::MessageCounters";

    // A struct IFrameHandler, so a source's receive loop is compiled for it and calls OnFrame (and so Route) directly.
    private static void WriteFrameHandler(SourceWriter writer, MessageRouterPlan plan)
    {
        var spec = plan.Spec;
        var layout = spec.Layout;
        writer.Doc(
            "Feeds the frames of a source (<c>FramedTcpSource</c>, <c>UdpSource</c>, <c>InProcessSource</c>) to <see cref=\"Route\"/>: each frame must "
            + "hold exactly one " + layout.MessageDisplay + " (a short frame, a value the message cannot take or bytes left over make it "
            + "<see cref=\"" + Outcome + ".Malformed\"/>, and it is dropped); every outcome is counted."
            + (plan.IsAsync ? " A frame whose async handler is pending is held by its source until the handler completes." : ""));
        writer.Line(GeneratedCode);
        writer.Line("public readonly struct FrameHandler : Messaging::Sources.IFrameHandler");
        using (writer.Braces())
        {
            if (!plan.IsStatic)
            {
                writer.Line("private readonly " + spec.Declaration.FullName + " _router;");
            }

            writer.Line("private readonly " + Counters + "? _counters;");
            writer.Line();
            if (plan.IsStatic)
            {
                writer.Doc("Routes every frame through " + spec.Declaration.Name + ", counting the outcomes in <paramref name=\"counters\"/> (when given).");
                writer.Line("public FrameHandler(" + Counters + "? counters) => _counters = counters;");
            }
            else
            {
                writer.Doc("Routes every frame through <paramref name=\"router\"/>, counting the outcomes in <paramref name=\"counters\"/> (when given).");
                writer.Line("public FrameHandler(" + spec.Declaration.FullName + " router, " + Counters + "? counters)");
                using (writer.Braces())
                {
                    writer.Line("System::ArgumentNullException.ThrowIfNull(router);");
                    writer.Line("_router = router;");
                    writer.Line("_counters = counters;");
                }
            }

            writer.Line();
            if (plan.IsAsync)
            {
                WriteSuspendingOnFrame(writer, plan);
                return;
            }

            writer.Line("/// <summary>Reads the frame's message, routes it and counts the outcome.</summary>");
            writer.Line("public void OnFrame(System::ReadOnlySpan<byte> frame, in Messaging::Sources.FrameContext context)");
            using (writer.Braces())
            {
                writer.Comment("Not exactly one message (too short, a value it cannot take, or bytes left over) is malformed.");
                writer.Terms("var outcome = ", new[] { layout.MessageFullName + ".TryRead(frame, out var message, out var consumed)", "consumed == frame.Length" }, "&&", "");
                using (writer.Indent())
                {
                    writer.Line("? " + (plan.IsStatic ? spec.Declaration.FullName : "_router") + ".Route(in message)");
                    writer.Line(": " + Outcome + ".Malformed;");
                }

                writer.Line("_counters?.Count(outcome);");
            }
        }
    }

    // With an async handler: a routing that completed synchronously is counted at once (no allocation); a pending one
    // is handed to the source, which holds the frame (and its connection's next one) until it completes.
    private static void WriteSuspendingOnFrame(SourceWriter writer, MessageRouterPlan plan)
    {
        var spec = plan.Spec;
        writer.Doc(
            "Reads the frame's message, routes it and counts the outcome; when an async handler has not completed, hands its work to the "
            + "source (<see cref=\"Messaging::Sources.FrameContext.Suspend\"/>) and counts the outcome once it completes. The handler "
            + "gets a copy of the message, so it reads no frame bytes after an await.");
        writer.Line("public void OnFrame(System::ReadOnlySpan<byte> frame, in Messaging::Sources.FrameContext context)");
        using (writer.Braces())
        {
            writer.Comment("Not exactly one message (too short, a value it cannot take, or bytes left over) is malformed.");
            writer.If("!" + spec.Layout.MessageFullName + ".TryRead(frame, out var message, out var consumed) || consumed != frame.Length");
            using (writer.Braces())
            {
                writer.Line("_counters?.Count(" + Outcome + ".Malformed);");
                writer.Line("return;");
            }

            writer.Line();
            writer.Line("var routing = " + (plan.IsStatic ? spec.Declaration.FullName : "_router") + ".Route(in message, context.Aborted);");
            writer.Line("if (routing.IsCompleted)");
            using (writer.Braces())
            {
                writer.Line("_counters?.Count(routing.Result);", "the handler completed synchronously: nothing is held");
                writer.Line("return;");
            }

            writer.Line();
            writer.Comment("An async handler is pending: the source holds this frame, and those after it, until it completes.");
            writer.Line("context.Suspend(" + Routing + ".CountWhenDone(routing, _counters));");
        }
    }
}
