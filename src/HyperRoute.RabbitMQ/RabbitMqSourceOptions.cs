using System;

namespace HyperRoute.RabbitMQ;

/// <summary>How a <see cref="RabbitMqSource{THandler}"/> consumes its queue and settles each message.</summary>
public sealed record RabbitMqSourceOptions
{
    /// <summary>The broker: <c>amqp://user:password@host:port/vhost</c>. Loopback with the guest account by default.</summary>
    public Uri Uri { get; init; } = new("amqp://guest:guest@127.0.0.1:5672/");

    /// <summary>The queue to consume (it must exist: declaring it, with its dead-letter exchange, is the application's).</summary>
    public required string Queue { get; init; }

    /// <summary>
    /// Messages each consumer may hold unacknowledged (<c>basic.qos</c> prefetch count): what bounds the messages in
    /// flight, and so the memory, when a destination or a handler is slow. 64 by default; at least 1.
    /// </summary>
    public ushort Prefetch { get; init; } = 64;

    /// <summary>
    /// Consumers, each on its own channel with its own copy of the handler. Messages of one consumer are handled one
    /// after another in the order the broker delivered them; consumers run concurrently. 1 by default.
    /// </summary>
    public int Consumers { get; init; } = 1;

    /// <summary>
    /// How many times a message whose handler failed (threw, or forwarded it somewhere that did not confirm it) is
    /// handled again before it is dead-lettered. 3 by default: a message is handled at most 4 times. 0 dead-letters at
    /// the first failure.
    /// </summary>
    public int MaxRedeliveries { get; init; } = 3;

    /// <summary>
    /// Where messages that are not routed go: the source publishes each there (with confirms) carrying the reason in
    /// headers (<see cref="RabbitMqHeaders"/>), then acknowledges the original. <see langword="null"/> (the default): the
    /// message is rejected without requeue, so the queue's own <c>x-dead-letter-exchange</c> (if any) takes it, with
    /// only the broker's <c>x-death</c> header (reason <c>rejected</c>).
    /// </summary>
    public string? DeadLetterExchange { get; init; }

    /// <summary>The routing key of dead-lettered messages; <see langword="null"/> keeps the message's own.</summary>
    public string? DeadLetterRoutingKey { get; init; }

    /// <summary>
    /// Makes each delivery's exchange, routing key, properties and headers readable from handlers and predicates through
    /// <see cref="RabbitMqDelivery.Current"/> while the message is handled (until the handler's first pending await).
    /// Off by default: a router that routes by content reads only the body.
    /// </summary>
    public bool ExposeDelivery { get; init; }

    /// <summary>How long the client waits between attempts to recover a lost connection (it recovers the consumers too). 1 s by default.</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The connection's name as the broker's management tools show it.</summary>
    public string? ConnectionName { get; init; }

    /// <summary>
    /// Told about failures that do not stop the source: a handler's exception, a publish to the dead-letter exchange
    /// that failed (the message is then requeued, never lost), the broker cancelling a consumer.
    /// </summary>
    public Action<Exception>? OnError { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Queue);
        ArgumentNullException.ThrowIfNull(Uri);
        ArgumentOutOfRangeException.ThrowIfZero(Prefetch);
        ArgumentOutOfRangeException.ThrowIfLessThan(Consumers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRedeliveries);
    }
}
