using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Brokers.Tests.Mqtt;
using HyperRoute.Brokers.Tests.RabbitMq;
using HyperRoute.Mqtt;
using Xunit;

namespace HyperRoute.Brokers.Tests;

/// <summary>
/// <c>messaging.client.consumed.messages</c> counts each message a broker source feeds its router once: the source's
/// own books of final outcomes publish nothing. Runs in the broker collection, alone, so the listener hears only it.
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed class ConsumedMetricTests
{
    [Fact]
    public async Task Each_RabbitMQ_message_is_counted_once_in_the_consumed_metric()
    {
        using var consumed = new ConsumedListener();
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker);
        await broker.PublishAsync(relay.Input, Enumerable.Range(0, 100).Select(i => i % 10 == 9 ? new byte[] { 1 } : Reading.Encode(1, 7, (uint)i)).ToList());

        var source = relay.Source!;
        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged + source.DeadLettered == 100, "all 100 messages are settled", state: relay.Books);
        Assert.Equal((90, 10), (consumed.Of("routed"), consumed.Of("malformed")));
        Assert.Equal(100, consumed.Total);
    }

    [Fact]
    public async Task Each_MQTT_publish_is_counted_once_in_the_consumed_metric()
    {
        using var consumed = new ConsumedListener();
        await using var mqtt = await MqttBroker.ConnectAsync();
        await using var rabbit = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(rabbit, start: false);
        await using var source = await MqttSource.StartAsync(
            counters => new RelayRouter.FrameHandler(relay.Router, counters),
            new MqttSourceOptions { Topics = [mqtt.Root + "/t"] });
        await mqtt.PublishAsync(Enumerable.Range(0, 100).Select(i => (mqtt.Root + "/t", i % 10 == 9 ? new byte[] { 1 } : Reading.Encode(1, 7, (uint)i))));

        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged == 100, "every publish is acknowledged");
        Assert.Equal((90, 10), (consumed.Of("routed"), consumed.Of("malformed")));
        Assert.Equal(100, consumed.Total);
    }

    /// <summary>Sums <c>messaging.client.consumed.messages</c> by its outcome tag.</summary>
    private sealed class ConsumedListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _byOutcome = [];

        public ConsumedListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "messaging.client.consumed.messages")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var outcome = "(none)";
                foreach (var tag in tags)
                {
                    if (tag.Key == "hyperroute.message.outcome")
                    {
                        outcome = tag.Value?.ToString() ?? "(null)";
                    }
                }

                lock (_byOutcome)
                {
                    _byOutcome[outcome] = _byOutcome.GetValueOrDefault(outcome) + value;
                }
            });
            _listener.Start();
        }

        public long Total
        {
            get
            {
                lock (_byOutcome)
                {
                    return _byOutcome.Values.Sum();
                }
            }
        }

        public long Of(string outcome)
        {
            lock (_byOutcome)
            {
                return _byOutcome.GetValueOrDefault(outcome);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
