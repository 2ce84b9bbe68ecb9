using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Brokers.Tests.RabbitMq;
using HyperRoute.Messaging.Sources;
using HyperRoute.Mqtt;
using Xunit;

namespace HyperRoute.Brokers.Tests.Mqtt;

/// <summary>
/// The MQTT source does not wait for a forward's confirmation before it routes the next publish, and still sends
/// each PUBACK only after its own publish's forwards are confirmed and after the PUBACKs of the publishes before it.
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed class MqttAcknowledgementOrderTests
{
    [Fact]
    public async Task The_next_publish_is_routed_while_a_forward_awaits_its_confirm_and_PUBACKs_keep_arrival_order()
    {
        await using var mqtt = await MqttBroker.ConnectAsync();
        var confirms = new ConcurrentQueue<TaskCompletionSource<bool>>();
        var options = new MqttSourceOptions { Topics = [mqtt.Root + "/t"], ClientId = mqtt.Root + "-pipelined" };
        await using var source = await MqttSource.StartAsync(_ => new ConfirmedLater(confirms), options);

        await mqtt.PublishAsync(Enumerable.Range(0, 3).Select(i => (mqtt.Root + "/t", new byte[] { (byte)i })));

        // All three are handled while none of their forwards is confirmed.
        await RabbitBroker.WaitUntilAsync(() => confirms.Count == 3, "every publish is routed before any confirm");
        var pending = confirms.ToArray();
        Assert.Equal(0, source.Acknowledged);

        // The later ones confirmed: their PUBACKs still wait for the first's.
        pending[1].SetResult(true);
        pending[2].SetResult(true);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMilliseconds(300))
        {
            Assert.Equal(0, source.Acknowledged); // the observation window of a thing that must not happen
            await Task.Delay(10);
        }

        pending[0].SetResult(true);
        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged == 3, "the PUBACKs follow once the first is confirmed");
        Assert.Equal(3, source.Outcomes.Routed);
    }

    /// <summary>Takes every frame and makes it wait for a confirmation the test gives, as a RabbitMQ forward does.</summary>
    private readonly struct ConfirmedLater(ConcurrentQueue<TaskCompletionSource<bool>> confirms) : IFrameHandler
    {
        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context)
        {
            var confirm = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            DeliveryScope.Current!.Add(new ValueTask<bool>(confirm.Task));
            confirms.Enqueue(confirm);
        }
    }
}
