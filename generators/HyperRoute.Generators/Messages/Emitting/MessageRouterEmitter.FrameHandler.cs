
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
            + "<see cref=\"" + Outcome + ".Malformed\"/>, and it is dropped); every outcome is counted.");
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
}
