using System;

namespace HyperRoute.RabbitMQ;

/// <summary>Where a <see cref="RabbitMqDestination"/> publishes, and how.</summary>
public sealed record RabbitMqDestinationOptions
{
    /// <summary>The exchange to publish to; empty (the default) is the default exchange, which routes by queue name.</summary>
    public string Exchange { get; init; } = "";

    /// <summary>The routing key of every message, unless <see cref="RoutingKeyOf"/> computes one.</summary>
    public string RoutingKey { get; init; } = "";

    /// <summary>
    /// Computes the routing key from the message's bytes (read it with the message's generated <c>TryRead</c>). Return
    /// strings you keep (a cached one per key value) so a publish does not allocate one.
    /// </summary>
    public RoutingKeySelector? RoutingKeyOf { get; init; }

    /// <summary>
    /// Publish with <c>mandatory</c>: a message no queue is bound for comes back (<c>basic.return</c>) and counts as
    /// undelivered, instead of being dropped by the broker. On by default.
    /// </summary>
    public bool Mandatory { get; init; } = true;

    /// <summary>Publish persistent messages (delivery mode 2), kept across a broker restart in durable queues. On by default.</summary>
    public bool Persistent { get; init; } = true;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Exchange);
        ArgumentNullException.ThrowIfNull(RoutingKey);
    }
}

/// <summary>Computes a message's routing key from its bytes.</summary>
public delegate string RoutingKeySelector(ReadOnlySpan<byte> message);
