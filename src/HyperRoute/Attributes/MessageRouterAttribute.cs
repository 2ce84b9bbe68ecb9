using System;

namespace HyperRoute;

/// <summary>
/// Makes a <c>partial class</c> a router for one <see cref="MessageAttribute"/> struct: the HyperRoute generator emits
/// <c>Route(in TMessage)</c>, a <c>switch</c> on the message's <c>key</c> field that calls the
/// <see cref="OnAttribute"/> handler for its value (or the <see cref="OtherwiseAttribute"/> handler), and, for a
/// message without byte strings, <c>TryRoute(ReadOnlySpan&lt;byte&gt;, out int)</c>, which reads the message first.
/// </summary>
/// <remarks>
/// <code>
/// [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
/// public static partial class TelemetryRouter
/// {
///     [On(1)] static void Temperature(in Telemetry message) { … }
///     [Otherwise] static void Unknown(in Telemetry message) { … }
/// }
/// </code>
/// See <c>docs/messages.md</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MessageRouterAttribute : Attribute
{
    /// <summary>Routes <paramref name="message"/> structs by the value of their field <paramref name="key"/>.</summary>
    /// <param name="message">A <see cref="MessageAttribute"/> struct.</param>
    /// <param name="key">The name of one of its integer or enum <see cref="FieldAttribute"/> members.</param>
    public MessageRouterAttribute(Type message, string key)
    {
        Message = message;
        Key = key;
    }

    /// <summary>The routed message type.</summary>
    public Type Message { get; }

    /// <summary>The name of the field whose value picks the handler.</summary>
    public string Key { get; }
}
