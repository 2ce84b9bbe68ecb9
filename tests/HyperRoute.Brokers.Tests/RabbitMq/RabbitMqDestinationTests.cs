using System;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using HyperRoute.RabbitMQ;
using Xunit;

namespace HyperRoute.Brokers.Tests.RabbitMq;

/// <summary>The RabbitMQ destination on its own: confirms, routing keys, and failing over.</summary>
[Collection(RabbitCollection.Name)]
public sealed class RabbitMqDestinationTests
{
    [Fact]
    public async Task Sends_outside_a_source_are_confirmed_and_counted()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        var queue = await broker.QueueAsync("out");
        await using var destination = await RabbitMqDestination.CreateAsync(broker.Connection, new RabbitMqDestinationOptions { RoutingKey = queue });

        for (uint i = 0; i < 5_000; i++)
        {
            Assert.Equal(SendResult.Sent, destination.Send(Reading.Encode(1, 1, i)));
        }

        await destination.WhenConfirmedAsync();
        Assert.Equal((5_000L, 5_000L, 0L), (destination.Published, destination.Confirmed, destination.Outstanding));
        Assert.Equal(5_000u, await broker.ReadyAsync(queue));
    }

    [Fact]
    public async Task The_routing_key_is_computed_from_the_message()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        string[] queues = [await broker.QueueAsync("kind-1"), await broker.QueueAsync("kind-2")];
        await using var destination = await RabbitMqDestination.CreateAsync(broker.Connection, new RabbitMqDestinationOptions
        {
            RoutingKeyOf = frame => queues[Reading.Decode(frame).Kind - 1],
        });

        destination.Send(Reading.Encode(1, 1, 0));
        destination.Send(Reading.Encode(2, 1, 1));
        destination.Send(Reading.Encode(2, 1, 2));
        await destination.WhenConfirmedAsync();

        Assert.Equal(1u, await broker.ReadyAsync(queues[0]));
        Assert.Equal(2u, await broker.ReadyAsync(queues[1]));
    }

    [Fact]
    public async Task A_destination_that_cannot_send_makes_a_failover_group_use_the_standby()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        var primaryQueue = await broker.QueueAsync("primary");
        var standbyQueue = await broker.QueueAsync("standby");
        var primary = await RabbitMqDestination.CreateAsync(broker.Connection, new RabbitMqDestinationOptions { RoutingKey = primaryQueue });
        await using var standby = await RabbitMqDestination.CreateAsync(broker.Connection, new RabbitMqDestinationOptions { RoutingKey = standbyQueue });
        var group = new FailoverGroup<RabbitMqDestination>([primary, standby]);
        await primary.DisposeAsync();

        Assert.Equal(SendResult.Disposed, primary.Send(Reading.Encode(1, 1, 0)));
        Assert.Equal(SendResult.Sent, group.Forward(Reading.Encode(1, 1, 1).AsSpan()));
        await standby.WhenConfirmedAsync();
        Assert.Equal(1u, await broker.ReadyAsync(standbyQueue));
        Assert.Equal(0u, await broker.ReadyAsync(primaryQueue));
    }
}
