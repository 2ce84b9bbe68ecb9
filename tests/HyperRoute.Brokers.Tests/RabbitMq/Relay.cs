using System;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.RabbitMQ;

namespace HyperRoute.Brokers.Tests.RabbitMq;

/// <summary>
/// One test's relay: an input queue consumed by a <see cref="RabbitMqSource{THandler}"/> into a <see cref="RelayRouter"/>
/// that forwards kind 1 to an output queue; a dead-letter exchange with its queue.
/// </summary>
public sealed class Relay : IAsyncDisposable
{
    public required RabbitBroker Broker { get; init; }
    public required string Input { get; init; }
    public required string Output { get; init; }
    public required string DeadLetters { get; init; }
    public required string DeadLetterExchange { get; init; }
    public required RabbitMqDestination Destination { get; init; }
    public required RelayRouter Router { get; init; }
    public RabbitMqSource<RelayRouter.FrameHandler>? Source { get; set; }

    /// <summary>Declares the queues and exchanges and starts the source (unless <paramref name="start"/> is off).</summary>
    public static async Task<Relay> CreateAsync(
        RabbitBroker broker, Func<RabbitMqSourceOptions, RabbitMqSourceOptions>? configure = null, bool durable = false, string? outputExchange = null, bool start = true)
    {
        var input = await broker.QueueAsync("in", durable);
        var output = await broker.QueueAsync("out", durable);
        var deadLetters = await broker.QueueAsync("dead", durable);
        var deadLetterExchange = await broker.FanoutAsync("dlx", durable, deadLetters);
        var destination = await RabbitMqDestination.CreateAsync(broker.Connection, new RabbitMqDestinationOptions
        {
            Exchange = outputExchange ?? "",
            RoutingKey = outputExchange is null ? output : "",
        });
        var relay = new Relay
        {
            Broker = broker,
            Input = input,
            Output = output,
            DeadLetters = deadLetters,
            DeadLetterExchange = deadLetterExchange,
            Destination = destination,
            Router = new RelayRouter { Out = new RoundRobinGroup<RabbitMqDestination>([destination]) },
        };
        if (start)
        {
            relay.Source = await relay.StartSourceAsync(configure);
        }

        return relay;
    }

    /// <summary>The source's and the destination's books, for a test that timed out (an intermittent stall is being chased).</summary>
    public string Books() => Source is not { } source
        ? $"destination published {Destination.Published}, confirmed {Destination.Confirmed}, outstanding {Destination.Outstanding}"
        : $"source received {source.Received}, acknowledged {source.Acknowledged}, dead-lettered {source.DeadLettered}, retried {source.Retried}, " +
          $"handler errors {source.HandlerErrors}, routed {source.Outcomes.Routed}; destination published {Destination.Published}, " +
          $"confirmed {Destination.Confirmed}, returned {Destination.Returned}, nacked {Destination.Nacked}, failed {Destination.Failed}, " +
          $"outstanding {Destination.Outstanding}";

    public RabbitMqSourceOptions Options(Func<RabbitMqSourceOptions, RabbitMqSourceOptions>? configure = null)
    {
        var options = new RabbitMqSourceOptions
        {
            Uri = RabbitBroker.Uri,
            Queue = Input,
            DeadLetterExchange = DeadLetterExchange,
            MaxRedeliveries = 2,
        };
        return configure is null ? options : configure(options);
    }

    public Task<RabbitMqSource<RelayRouter.FrameHandler>> StartSourceAsync(Func<RabbitMqSourceOptions, RabbitMqSourceOptions>? configure = null) =>
        RabbitMqSource.StartAsync(counters => new RelayRouter.FrameHandler(Router, counters), Options(configure));

    public async ValueTask DisposeAsync()
    {
        Router.Gate.TrySetResult();
        if (Source is not null)
        {
            await Source.DisposeAsync();
        }

        await Destination.DisposeAsync();
    }
}
