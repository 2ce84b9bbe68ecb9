using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Brokers.Tests.RabbitMq;
using HyperRoute.Messaging;
using HyperRoute.Mqtt;
using Xunit;

namespace HyperRoute.Brokers.Tests.Mqtt;

/// <summary>The MQTT source against mosquitto, forwarding into RabbitMQ through the same router.</summary>
[Collection(RabbitCollection.Name)]
public sealed class MqttSourceTests
{
    [Fact]
    public async Task Device_publishes_are_forwarded_to_RabbitMQ_and_what_is_not_routed_is_dead_lettered()
    {
        await using var mqtt = await MqttBroker.ConnectAsync();
        await using var rabbit = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(rabbit, start: false);
        var deadLetters = new ConcurrentQueue<MqttDeadLetter>();
        var deviceIds = new ConcurrentBag<string>();
        await using var source = await MqttSource.StartAsync(
            counters => new RelayRouter.FrameHandler(relay.Router, counters),
            new MqttSourceOptions
            {
                Topics = [mqtt.Root + "/devices/{deviceId}/telemetry"],
                OnDeadLetter = d => deadLetters.Enqueue(d with { Payload = d.Payload.ToArray() }),
            });

        // 1,000 readings from ten devices; every 100th is cut short.
        await mqtt.PublishAsync(Enumerable.Range(0, 1_000).Select(i =>
            ($"{mqtt.Root}/devices/d{i % 10}/telemetry", i % 100 == 99 ? new byte[] { 1, 2 } : Reading.Encode(1, (uint)(i % 10), (uint)i))));

        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged == 1_000, "every publish is acknowledged", 60);
        Assert.Equal(990, source.Outcomes.Routed);
        Assert.Equal(10, source.Outcomes.Malformed);
        Assert.Equal(10, deadLetters.Count);
        Assert.All(deadLetters, d => Assert.Equal(("malformed", 2), (d.Outcome, d.Payload.Length)));
        Assert.Equal(990, relay.Destination.Confirmed); // acknowledged only once RabbitMQ confirmed the forward
        Assert.Equal(990, (await rabbit.DrainAsync(relay.Output)).Count);
    }

    [Fact]
    public async Task Named_topic_segments_are_readable_while_a_publish_is_handled()
    {
        await using var mqtt = await MqttBroker.ConnectAsync();
        var seen = new ConcurrentQueue<string>();
        await using var source = await MqttSource.StartAsync(
            counters => new TopicRouter.FrameHandler(new TopicRouter(seen), counters),
            new MqttSourceOptions { Topics = [mqtt.Root + "/devices/{deviceId}/telemetry"], ExposeDelivery = true });
        await mqtt.PublishAsync([($"{mqtt.Root}/devices/pump-7/telemetry", Reading.Encode(1, 7, 0))]);

        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged == 1, "the publish is handled");
        Assert.Equal(["pump-7"], seen);
    }

    [Fact]
    public async Task A_shared_subscription_splits_the_stream_between_instances_and_each_publish_is_handled_once()
    {
        await using var mqtt = await MqttBroker.ConnectAsync();
        var seen = new ConcurrentQueue<string>();
        var options = new MqttSourceOptions { Topics = [mqtt.Root + "/devices/{deviceId}/telemetry"], SharedGroup = "routers", ExposeDelivery = true };
        await using var first = await MqttSource.StartAsync(counters => new TopicRouter.FrameHandler(new TopicRouter(seen), counters), options with { ClientId = mqtt.Root + "-a" });
        await using var second = await MqttSource.StartAsync(counters => new TopicRouter.FrameHandler(new TopicRouter(seen), counters), options with { ClientId = mqtt.Root + "-b" });
        await mqtt.PublishAsync(Enumerable.Range(0, 200).Select(i => ($"{mqtt.Root}/devices/d{i}/telemetry", Reading.Encode(1, (uint)i, (uint)i))));

        await RabbitBroker.WaitUntilAsync(() => first.Acknowledged + second.Acknowledged == 200, "both instances handled all 200 between them");
        Assert.InRange(first.Acknowledged, 1, 199);
        Assert.InRange(second.Acknowledged, 1, 199);
        Assert.Equal(200, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_handler_that_throws_is_called_again_then_dead_lettered_as_a_fault()
    {
        await using var mqtt = await MqttBroker.ConnectAsync();
        await using var rabbit = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(rabbit, start: false);
        var deadLetters = new ConcurrentQueue<MqttDeadLetter>();
        await using var source = await MqttSource.StartAsync(
            counters => new RelayRouter.FrameHandler(relay.Router, counters),
            new MqttSourceOptions { Topics = [mqtt.Root + "/t"], MaxRedeliveries = 2, OnDeadLetter = deadLetters.Enqueue });
        await mqtt.PublishAsync([(mqtt.Root + "/t", Reading.Encode(9, 1, 3))]);

        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged == 1, "the publish is settled");
        Assert.Equal(3, relay.Router.Thrown);
        var dead = Assert.Single(deadLetters);
        Assert.Equal("fault", dead.Outcome);
        Assert.Equal("the handler threw System.InvalidOperationException: reading 3 cannot be handled", dead.Reason);
    }

    [Fact]
    public async Task A_publish_whose_handler_had_not_completed_is_delivered_again_when_the_session_resumes()
    {
        await using var mqtt = await MqttBroker.ConnectAsync();
        await using var rabbit = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(rabbit, start: false);
        relay.Router.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new MqttSourceOptions { Topics = [mqtt.Root + "/t"], ClientId = mqtt.Root + "-session" };
        var first = await MqttSource.StartAsync(counters => new RelayRouter.FrameHandler(relay.Router, counters), options);
        await mqtt.PublishAsync([(mqtt.Root + "/t", Reading.Encode(2, 1, 11))]);
        await RabbitBroker.WaitUntilAsync(() => relay.Router.Waited == 1, "the handler is waiting");

        // The instance goes away with its handler still waiting: no PUBACK was sent.
        await first.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, first.Acknowledged);

        var other = new RelayRouter { Out = relay.Router.Out };
        await using var second = await MqttSource.StartAsync(counters => new RelayRouter.FrameHandler(other, counters), options);
        await RabbitBroker.WaitUntilAsync(() => second.Acknowledged == 1, "the resumed session gets the publish again");
        Assert.Equal(1, other.Waited);
        relay.Router.Gate.SetResult();
    }
}

/// <summary>Records the <c>deviceId</c> segment of each publish's topic.</summary>
[MessageRouter(typeof(Reading), nameof(Reading.Kind))]
public sealed partial class TopicRouter(ConcurrentQueue<string> seen)
{
    [On(1)]
    private void Record(in Reading reading) => seen.Enqueue(MqttDelivery.Current?.Value("deviceId").ToString() ?? "(no delivery)");
}
