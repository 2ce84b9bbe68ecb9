using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Brokers.Tests.Mqtt;
using HyperRoute.Brokers.Tests.RabbitMq;
using HyperRoute.Mqtt;
using HyperRoute.RabbitMQ;
using Xunit;

namespace HyperRoute.Brokers.Tests;

/// <summary>
/// A forward whose confirmation came back before its handler returned: the source reads that confirmation once and
/// acknowledges the message. (The RabbitMQ source once read it twice; the second read met a recycled pooled task, the
/// settlement threw, and the message was never acknowledged: a stall that showed in CI under load.)
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed class EarlyConfirmationTests
{
    [Fact]
    public async Task RabbitMQ_acknowledges_messages_whose_forwards_were_confirmed_before_the_handler_returned()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, start: false);
        var destination = new ConfirmedAtOnceDestination();
        var router = new ConfirmedAtOnceRouter { Out = new([destination]) };
        var errors = new ConcurrentQueue<Exception>();
        await using var source = await RabbitMqSource.StartAsync(
            counters => new ConfirmedAtOnceRouter.FrameHandler(router, counters),
            relay.Options(o => o with { Prefetch = 20, OnError = errors.Enqueue }));
        await broker.PublishAsync(relay.Input, Enumerable.Range(0, 200).Select(i => Reading.Encode(1, 7, (uint)i)));

        await RabbitBroker.WaitUntilAsync(
            () => source.Acknowledged == 200 || !errors.IsEmpty,
            "every message is acknowledged",
            state: () => $"acknowledged {source.Acknowledged}, sent {destination.Sent}");
        Assert.Empty(errors);
        Assert.Equal(200, source.Acknowledged);
        Assert.Equal(200, source.Outcomes.Routed);
        Assert.Equal(200, destination.Sent);

        await source.StopAsync();
        Assert.Equal(0u, await broker.ReadyAsync(relay.Input)); // nothing was left unacknowledged to come back
    }

    [Fact]
    public async Task MQTT_acknowledges_publishes_whose_forwards_were_confirmed_before_the_handler_returned()
    {
        await using var mqtt = await MqttBroker.ConnectAsync();
        var destination = new ConfirmedAtOnceDestination();
        var router = new ConfirmedAtOnceRouter { Out = new([destination]) };
        var errors = new ConcurrentQueue<Exception>();
        var deadLetters = new ConcurrentQueue<MqttDeadLetter>();
        await using var source = await MqttSource.StartAsync(
            counters => new ConfirmedAtOnceRouter.FrameHandler(router, counters),
            new MqttSourceOptions { Topics = [mqtt.Root + "/t"], OnError = errors.Enqueue, OnDeadLetter = deadLetters.Enqueue });
        await mqtt.PublishAsync(Enumerable.Range(0, 200).Select(i => (mqtt.Root + "/t", Reading.Encode(1, 7, (uint)i))));

        await RabbitBroker.WaitUntilAsync(
            () => source.Acknowledged == 200 || !errors.IsEmpty,
            "every publish is acknowledged",
            state: () => $"acknowledged {source.Acknowledged}, sent {destination.Sent}");
        Assert.Empty(errors);
        Assert.Empty(deadLetters);
        Assert.Equal(200, source.Acknowledged);
        Assert.Equal(200, destination.Sent);
    }
}
