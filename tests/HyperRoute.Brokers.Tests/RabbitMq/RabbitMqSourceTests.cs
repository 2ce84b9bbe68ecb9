using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.RabbitMQ;
using RabbitMQ.Client;
using Xunit;

namespace HyperRoute.Brokers.Tests.RabbitMq;

/// <summary>The RabbitMQ source against the real broker: what each outcome tells the broker.</summary>
[Collection(RabbitCollection.Name)]
public sealed class RabbitMqSourceTests
{
    [Fact]
    public async Task Ten_thousand_messages_with_one_percent_malformed_are_routed_or_dead_lettered_with_the_reason()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, o => o with { Prefetch = 200 });

        // Every 100th body is cut short: it holds no whole Reading.
        var bodies = Enumerable.Range(0, 10_000)
            .Select(i => i % 100 == 99 ? Reading.Encode(1, 7, (uint)i).AsSpan(0, 5).ToArray() : Reading.Encode(1, 7, (uint)i))
            .ToList();
        await broker.PublishAsync(relay.Input, bodies);

        var source = relay.Source!;
        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged + source.DeadLettered == 10_000, "all 10,000 messages are settled", 120, relay.Books);
        await relay.Destination.WhenConfirmedAsync();

        Assert.Equal(9_900, source.Outcomes.Routed);
        Assert.Equal(100, source.Outcomes.Malformed);
        Assert.Equal(9_900, source.Acknowledged);
        Assert.Equal(100, source.DeadLettered);
        Assert.Equal(9_900, relay.Destination.Confirmed);

        var delivered = await broker.DrainAsync(relay.Output);
        Assert.Equal(9_900, delivered.Count);
        Assert.Equal(9_900, delivered.Select(m => Reading.Decode(m.Body.Span).Sequence).Distinct().Count());

        var dead = await broker.DrainAsync(relay.DeadLetters);
        Assert.Equal(100, dead.Count);
        Assert.All(dead, m =>
        {
            Assert.Equal("malformed", Header(m, RabbitMqHeaders.Outcome));
            Assert.Equal("the body does not hold exactly one message", Header(m, RabbitMqHeaders.Reason));
            Assert.Equal(relay.Input, Header(m, RabbitMqHeaders.Queue));
            Assert.Equal(5, m.Body.Length);
        });

        // Stopping closes the consumer's channel: anything left unacknowledged would be back on the queue now.
        await source.StopAsync();
        Assert.Equal(0u, await broker.ReadyAsync(relay.Input));
    }

    [Fact]
    public async Task Rejected_and_unrouted_messages_are_dead_lettered_with_their_reasons()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker);
        await broker.PublishAsync(relay.Input, [Reading.Encode(1, 1, 0, value: -5), Reading.Encode(7, 1, 1), Reading.Encode(1, 1, 2)]);

        var source = relay.Source!;
        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged + source.DeadLettered == 3, "the three messages are settled");
        var dead = (await broker.DrainAsync(relay.DeadLetters)).ToDictionary(m => Reading.Decode(m.Body.Span).Sequence);

        Assert.Equal("rejected", Header(dead[0], RabbitMqHeaders.Outcome));
        Assert.Equal("a validator refused the message", Header(dead[0], RabbitMqHeaders.Reason));
        Assert.Equal("unrouted", Header(dead[1], RabbitMqHeaders.Outcome));
        Assert.Equal("no handler takes the message", Header(dead[1], RabbitMqHeaders.Reason));
        Assert.Equal(relay.Input, Header(dead[1], RabbitMqHeaders.OriginalRoutingKey));
        Assert.Single(await broker.DrainAsync(relay.Output));
        Assert.Equal(1, source.Outcomes.Rejected);
        Assert.Equal(1, source.Outcomes.Unrouted);
    }

    [Fact]
    public async Task A_handler_that_throws_is_retried_up_to_the_bound_then_dead_lettered_as_a_fault()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, o => o with { MaxRedeliveries = 2 });
        await broker.PublishAsync(relay.Input, [Reading.Encode(9, 1, 42)]);

        var source = relay.Source!;
        await RabbitBroker.WaitUntilAsync(() => source.DeadLettered == 1, "the failing message is dead-lettered");

        Assert.Equal(3, relay.Router.Thrown); // handled once, then retried twice
        Assert.Equal(2, source.Retried);
        Assert.Equal(3, source.HandlerErrors);
        var dead = Assert.Single(await broker.DrainAsync(relay.DeadLetters));
        Assert.Equal("fault", Header(dead, RabbitMqHeaders.Outcome));
        Assert.Equal("the handler threw System.InvalidOperationException: reading 42 cannot be handled", Header(dead, RabbitMqHeaders.Reason));
        Assert.Equal(3, (int)dead.BasicProperties.Headers![RabbitMqHeaders.Attempts]!);
        Assert.Equal(0u, await broker.ReadyAsync(relay.Input));
    }

    [Fact]
    public async Task A_forward_the_broker_returns_is_undelivered_retried_then_dead_lettered()
    {
        await using var broker = await RabbitBroker.ConnectAsync();

        // The destination publishes to an exchange no queue is bound to: with mandatory, the broker returns each publish.
        var nowhere = await broker.FanoutAsync("nowhere");
        await using var relay = await Relay.CreateAsync(broker, o => o with { MaxRedeliveries = 1 }, outputExchange: nowhere);
        await broker.PublishAsync(relay.Input, [Reading.Encode(1, 1, 5)]);

        var source = relay.Source!;
        await RabbitBroker.WaitUntilAsync(() => source.DeadLettered == 1, "the unroutable forward is dead-lettered");

        Assert.Equal(2, relay.Destination.Returned); // the first try and one retry
        Assert.Equal(0, relay.Destination.Confirmed);
        Assert.Equal(1, source.Retried);
        Assert.Equal(1, source.Outcomes.Undelivered);
        Assert.Equal(0, source.Outcomes.Routed);
        var dead = Assert.Single(await broker.DrainAsync(relay.DeadLetters));
        Assert.Equal("undelivered", Header(dead, RabbitMqHeaders.Outcome));
        Assert.Equal("a forward was not confirmed (returned, nacked, or its connection lost)", Header(dead, RabbitMqHeaders.Reason));
    }

    [Fact]
    public async Task Without_a_dead_letter_exchange_of_its_own_the_source_rejects_into_the_queues_dead_letter_exchange()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        var brokerDead = await broker.QueueAsync("broker-dead");
        var brokerDlx = await broker.FanoutAsync("broker-dlx", false, brokerDead);
        var input = await broker.QueueAsync("in-dlx", deadLetterExchange: brokerDlx);
        var router = new RelayRouter { Out = null! };
        await using var source = await RabbitMqSource.StartAsync(
            counters => new RelayRouter.FrameHandler(router, counters),
            new RabbitMqSourceOptions { Uri = RabbitBroker.Uri, Queue = input });
        await broker.PublishAsync(input, [new byte[] { 1, 2, 3 }]);

        await RabbitBroker.WaitUntilAsync(async () => await broker.ReadyAsync(brokerDead) == 1, "the broker dead-letters the rejected message");
        var dead = Assert.Single(await broker.DrainAsync(brokerDead));
        var death = Assert.IsAssignableFrom<System.Collections.Generic.IList<object>>(dead.BasicProperties.Headers!["x-death"]);
        Assert.Equal("rejected", Text(((System.Collections.Generic.IDictionary<string, object?>)death[0])["reason"]));
        Assert.Equal(1, source.DeadLettered);
    }

    [Fact]
    public async Task Handlers_read_the_routing_key_when_the_source_exposes_deliveries()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, o => o with { ExposeDelivery = true });
        await broker.PublishAsync(relay.Input, [Reading.Encode(3, 1, 0)]);

        await RabbitBroker.WaitUntilAsync(() => relay.Source!.Acknowledged == 1, "the message is routed");
        Assert.Equal(relay.Input, relay.Router.LastRoutingKey);
    }

    [Fact]
    public async Task Without_the_option_handlers_see_no_delivery()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker);
        await broker.PublishAsync(relay.Input, [Reading.Encode(3, 1, 0)]);

        await RabbitBroker.WaitUntilAsync(() => relay.Source!.Acknowledged == 1, "the message is routed");
        Assert.Equal("(no delivery)", relay.Router.LastRoutingKey);
    }

    [Fact]
    public async Task A_consumer_handles_its_messages_in_delivery_order()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, o => o with { Prefetch = 50 });
        await broker.PublishAsync(relay.Input, Enumerable.Range(0, 2_000).Select(i => Reading.Encode(1, 3, (uint)i)));

        await RabbitBroker.WaitUntilAsync(() => relay.Source!.Acknowledged == 2_000, "every message is routed", 60, relay.Books);
        var sequences = (await broker.DrainAsync(relay.Output)).Select(m => Reading.Decode(m.Body.Span).Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => (uint)i), sequences);
    }

    internal static string? Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers is { } headers && headers.TryGetValue(name, out var value) ? Text(value) : null;

    internal static string? Text(object? value) => value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString();
}

/// <summary>The RabbitMQ tests run one after another: some restart the broker, and all share two cores with it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitCollection
{
    public const string Name = "RabbitMQ";
}
