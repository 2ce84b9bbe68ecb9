namespace HyperRoute.RabbitMQ;

/// <summary>The headers the RabbitMQ source reads and writes on the messages it retries and dead-letters.</summary>
public static class RabbitMqHeaders
{
    /// <summary>
    /// On a dead-lettered message: why it was not routed, as the <see cref="Messaging.MessageOutcome"/>'s name in lower
    /// case (<c>malformed</c>, <c>rejected</c>, <c>unrouted</c>, <c>undelivered</c>) or <c>fault</c> (the handler threw).
    /// </summary>
    public const string Outcome = "x-hyperroute-outcome";

    /// <summary>On a dead-lettered message: a sentence saying what went wrong (the exception's type and message for a fault).</summary>
    public const string Reason = "x-hyperroute-reason";

    /// <summary>How many times the message was handled and failed; set on retried and dead-lettered messages.</summary>
    public const string Attempts = "x-hyperroute-attempts";

    /// <summary>On a dead-lettered message: the queue it was consumed from.</summary>
    public const string Queue = "x-hyperroute-queue";

    /// <summary>On a dead-lettered message: the exchange it had been published to.</summary>
    public const string OriginalExchange = "x-hyperroute-original-exchange";

    /// <summary>On a dead-lettered message: the routing key it had been published with.</summary>
    public const string OriginalRoutingKey = "x-hyperroute-original-routing-key";
}
