namespace HyperRoute.Common.Messages;

/// <summary>A handler method of a message router. Value-equatable, no symbols.</summary>
/// <param name="Name">The method name as generated code calls it (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="IsStatic">The handler is static (called through the router type) rather than instance (through <c>this</c>).</param>
/// <param name="ByIn">The handler takes the message <c>in</c> rather than by value.</param>
internal sealed record MessageHandler(string Name, bool IsStatic, bool ByIn);

/// <summary>One <c>[On(value)]</c>: the key value, its handler, and how it was written.</summary>
/// <param name="Value">The key value.</param>
/// <param name="Label">The value as a case label of the key's type (<c>1</c>, <c>global::Ns.Kind.Temperature</c>).</param>
/// <param name="Attribute">The attribute as written, whitespace collapsed (<c>[On(1)]</c>).</param>
internal sealed record MessageRouteCase(long Value, string Label, string Attribute, MessageHandler Handler);

/// <summary>What a <c>[MessageRouter]</c> class routes and to which handlers. Value-equatable, no symbols.</summary>
internal sealed record MessageRouterLayout
{
    /// <summary>The message type as generated code names it (<c>global::Ns.Telemetry</c>).</summary>
    public required string MessageFullName { get; init; }

    /// <summary>The message type as comments show it (<c>Telemetry</c>).</summary>
    public required string MessageDisplay { get; init; }

    /// <summary>The key field as generated code names it (<c>Kind</c>).</summary>
    public required string KeyName { get; init; }

    /// <summary>The key field's type as comments show it (<c>ushort</c>, <c>TelemetryKind</c>).</summary>
    public required string KeyTypeDisplay { get; init; }

    /// <summary>The message has a span reader (<c>TryRead(ReadOnlySpan&lt;byte&gt;, …)</c>): it holds no byte strings.</summary>
    public required bool HasSpanReader { get; init; }

    /// <summary>Every <c>[On]</c>, by ascending value.</summary>
    public required EquatableArray<MessageRouteCase> Cases { get; init; }

    /// <summary>The <c>[Otherwise]</c> handler, or <see langword="null"/>.</summary>
    public MessageHandler? Otherwise { get; init; }

    /// <summary>Every handler is static, so <c>Route</c> and <c>TryRoute</c> are static too.</summary>
    public bool IsStatic
        => (Otherwise?.IsStatic ?? true) && System.Linq.Enumerable.All(Cases, c => c.Handler.IsStatic);
}
