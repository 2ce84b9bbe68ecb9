using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.RabbitMQ;

namespace HyperRoute.Brokers.Tests.RabbitMq;

/// <summary>
/// The router the RabbitMQ tests run between queues: kind 1 forwarded to <see cref="Out"/> (refused when negative),
/// kind 2 to an async handler that waits for <see cref="Gate"/>, kind 3 records the delivery's routing key, kind 9 throws, anything else is unrouted.
/// </summary>
[MessageRouter(typeof(Reading), nameof(Reading.Kind))]
public sealed partial class RelayRouter
{
    public required RoundRobinGroup<RabbitMqDestination> Out { get; init; }

    /// <summary>What kind 2 waits for (completed: it does not wait).</summary>
    public TaskCompletionSource Gate { get; set; } = Completed();

    /// <summary>How many times kind 2 and kind 9 handlers ran.</summary>
    public int Waited;
    public int Thrown;

    /// <summary>The routing key of the last message, when the source exposes deliveries.</summary>
    public string? LastRoutingKey;

    [On(1)]
    [Validate<PositiveValue>]
    [To(nameof(Out))]
    private partial MessageOutcome Forward(in Reading reading);

    [On(2)]
    private async ValueTask Wait(Reading reading, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Waited);
        await Gate.Task.WaitAsync(cancellationToken);
    }

    [On(9)]
    private void Throw(in Reading reading)
    {
        Interlocked.Increment(ref Thrown);
        throw new InvalidOperationException($"reading {reading.Sequence} cannot be handled");
    }

    [On(3)]
    private void Record(in Reading reading) => LastRoutingKey = RabbitMqDelivery.Current?.RoutingKey ?? "(no delivery)";

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
