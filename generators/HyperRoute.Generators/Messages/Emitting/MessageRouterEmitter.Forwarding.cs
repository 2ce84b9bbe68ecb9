using HyperRoute.Generators.Emitting;
using HyperRoute.Generators.Routing;
using System.Globalization;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// <c>[To]</c> handlers: the forward (the routing key written on the stack, one <c>Forwarding.Forward</c>, its result
/// as the outcome) in the handler's case of <c>Route</c>, and the same forward as the partial method's implementation.
/// </summary>
internal static partial class MessageRouterEmitter
{
    private const string Forwarding = "Messaging::Forwarding";
    private const string Sent = "Messaging::Destinations.SendResult.Sent";
    private const string Primitives = "Binary::BinaryPrimitives";

    // The implementations of the [To] partial methods, each the forward its cases in Route write out.
    private static void WriteForwardMethods(SourceWriter writer, MessageRouterPlan plan)
    {
        foreach (var method in plan.Forwards)
        {
            writer.Line();
            writer.Comment("The [To] handler " + Identifiers.Unescape(method.Name) + " forwards to " + Identifiers.Unescape(method.Forward.Group) + " (Route writes the same forward in its case).");
            writer.Line(GeneratedCode);
            writer.Declaration(method.Forward.Modifiers + " " + Outcome + " " + method.Name + "(" + (method.ByIn ? "in " : "") + plan.Spec.Layout.MessageFullName + " " + method.Forward.Parameter + ")");
            using (writer.Braces())
            {
                WriteForward(writer, plan, method.Forward, method.Forward.Parameter, inAsyncRoute: false);
            }
        }
    }

    // The routing key (when there is one) on the stack, then the forward returning its outcome (in an async router's
    // Route, as a completed ValueTask: the forward itself is synchronous).
    private static void WriteForward(SourceWriter writer, MessageRouterPlan plan, MessageForward forward, string subject, bool inAsyncRoute)
    {
        writer.Line("// " + forward.Attribute);
        var key = "default";
        if (forward.Key is { } routingKey)
        {
            key = subject == "key" ? "routingKey" : "key";
            writer.Line("// the routing key: " + routingKey.Display + " (" + routingKey.TypeDisplay + "), " + Bytes(routingKey.Size) + (routingKey.Size == 1 ? "" : routingKey.LittleEndian ? " little-endian" : " big-endian"));
            writer.Line("System::Span<byte> " + key + " = stackalloc byte[" + routingKey.Size.ToString(CultureInfo.InvariantCulture) + "];");
            writer.Line(KeyWrite(routingKey, key, subject + "." + routingKey.FieldName));
        }

        writer.Terms(inAsyncRoute ? "return new(" : "return ", new[] { Forwarding + ".Forward(" + Group(plan, forward) + ", in " + subject + (forward.Key is null ? "" : ", " + key) + ")", Sent }, "==", "");
        using (writer.Indent())
        {
            writer.Line("? " + Outcome + ".Routed");
            writer.Line(": " + Outcome + ".Undelivered" + (inAsyncRoute ? ");" : ";"), "no destination of " + Identifiers.Unescape(forward.Group) + " accepted it");
        }
    }

    private static string KeyWrite(ForwardKey key, string span, string value)
    {
        var wire = key.IsEnum ? "(" + key.PrimitiveKeyword + ")" + value : value;
        return key.Primitive switch
        {
            "Byte" => span + "[0] = " + (key.IsEnum ? "(byte)" + value : value) + ";",
            "SByte" => span + "[0] = unchecked((byte)" + wire + ");",
            _ => Primitives + ".Write" + key.Primitive + (key.LittleEndian ? "LittleEndian" : "BigEndian") + "(" + span + ", " + wire + ");",
        };
    }

    private static string Bytes(int size) => size.ToString(CultureInfo.InvariantCulture) + (size == 1 ? " byte" : " bytes");
}
