using System;
using RabbitMQ.Client;

namespace HyperRoute.RabbitMQ;

/// <summary>
/// The delivery a handler is handling, when the source was started with <see cref="RabbitMqSourceOptions.ExposeDelivery"/>:
/// its exchange, routing key and properties (headers among them), for predicates and handlers that route by them.
/// </summary>
/// <remarks>
/// Read it synchronously, in the handler or predicate the source called (it is per thread, set by the consumer
/// before it routes the message and cleared after): an <c>async</c> handler reads it before its first <c>await</c>
/// that does not complete at once. One object per consumer, reused: copy what must outlive the handler.
/// </remarks>
public sealed class RabbitMqDelivery
{
    [ThreadStatic]
    private static RabbitMqDelivery? t_current;

    /// <summary>The delivery being handled on this thread, or <see langword="null"/> outside a handler (or without the option).</summary>
    public static RabbitMqDelivery? Current => t_current;

    /// <summary>The exchange the message was published to (empty: the default exchange).</summary>
    public string Exchange { get; private set; } = "";

    /// <summary>The routing key it was published with.</summary>
    public string RoutingKey { get; private set; } = "";

    /// <summary>Whether the broker delivered it before (to this or another consumer) without an acknowledgement.</summary>
    public bool Redelivered { get; private set; }

    /// <summary>How many times the source handled it before and failed (<see cref="RabbitMqHeaders.Attempts"/>).</summary>
    public int Attempts { get; private set; }

    /// <summary>Its properties: <see cref="IReadOnlyBasicProperties.Headers"/>, message id, content type, …</summary>
    public IReadOnlyBasicProperties Properties { get; private set; } = new BasicProperties();

    internal void Enter(string exchange, string routingKey, bool redelivered, int attempts, IReadOnlyBasicProperties properties)
    {
        Exchange = exchange;
        RoutingKey = routingKey;
        Redelivered = redelivered;
        Attempts = attempts;
        Properties = properties;
        t_current = this;
    }

    internal static void Exit() => t_current = null;
}
