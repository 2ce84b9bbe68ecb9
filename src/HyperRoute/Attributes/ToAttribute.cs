using System;

namespace HyperRoute;

/// <summary>
/// Makes a message router handler a forward: the handler is a partial method without a body,
/// <c>private partial MessageOutcome Climate(in TMessage message);</c> (static or instance, the message by <c>in</c> or
/// by value), and the generator writes it, and the handler's case in <c>Route</c>, as one
/// <see cref="Messaging.Forwarding"/> send of the message to the destination group named by the constructor's <c>group</c>.
/// </summary>
/// <remarks>
/// <para>The group is a field or property of the router whose type is, or derives from,
/// <see cref="Messaging.DestinationGroup{TDestination}"/> of an <see cref="Messaging.Destinations.IFrameDestination"/>;
/// a static handler needs a static group. The handler's own <c>[Validate&lt;V&gt;]</c>/<c>[Transform&lt;X&gt;]</c> run
/// before the send. The outcome is <see cref="Messaging.MessageOutcome.Routed"/> when a destination took the frame and
/// <see cref="Messaging.MessageOutcome.Undelivered"/> when none did.</para>
/// <para>The handler returns <see cref="Messaging.MessageOutcome"/> (<c>Routed</c> or <c>Undelivered</c>), the outcome
/// its case in <c>Route</c> returns after the send. Called directly, the generated method only forwards: the handler's
/// validators and transforms are part of routing and run in <c>Route</c>, not in the method. Call
/// <see cref="Messaging.Forwarding.Forward{TDestination, TMessage}"/> yourself when you need the
/// <see cref="Messaging.Destinations.SendResult"/>.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ToAttribute : Attribute
{
    /// <summary>Forwards the handler's messages to the destination group <paramref name="group"/> names.</summary>
    /// <param name="group">A field or property of the router holding a destination group: use <c>nameof</c>.</param>
    public ToAttribute(string group) => Group = group;

    /// <summary>The name of the router's field or property that holds the destination group.</summary>
    public string Group { get; }

    /// <summary>
    /// The name of an integer or enum <c>[Field]</c> of the message whose bytes (the field's wire size, in the message's
    /// byte order) are the routing key passed to the group: <c>Key = nameof(Telemetry.DeviceId)</c>. Only consistent
    /// hashing reads the key (every message with the same key goes to the same destination); any group accepts it.
    /// </summary>
    public string? Key { get; init; }
}
