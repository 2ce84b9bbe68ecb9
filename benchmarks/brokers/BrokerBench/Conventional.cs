using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace BrokerBench;

/// <summary>
/// The same routing written the usual way with the client libraries: a consumer, a dictionary of delegates keyed by
/// the kind byte, a publisher with confirm tracking, and the acknowledgement once the publish is confirmed.
/// </summary>
public static class Conventional
{
    public static async Task<IAsyncDisposable> StartRabbitAsync(IConnection connection, string input, string climate, string power, ushort prefetch)
    {
        var consume = await connection.CreateChannelAsync();
        await consume.BasicQosAsync(0, prefetch, false);
        var publish = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { Persistent = true };
        var routes = new Dictionary<byte, Func<ReadOnlyMemory<byte>, ValueTask>>
        {
            [1] = body => publish.BasicPublishAsync("", climate, true, properties, body),
            [2] = body => publish.BasicPublishAsync("", power, true, properties, body),
        };
        var consumer = new AsyncEventingBasicConsumer(consume);
        consumer.ReceivedAsync += async (_, e) =>
        {
            if (e.Body.Length == 13 && routes.TryGetValue(e.Body.Span[0], out var route))
            {
                try
                {
                    await route(e.Body); // confirmed (or thrown) when this completes
                    await consume.BasicAckAsync(e.DeliveryTag, false);
                    return;
                }
                catch (Exception)
                {
                    await consume.BasicNackAsync(e.DeliveryTag, false, requeue: true);
                    return;
                }
            }

            await consume.BasicRejectAsync(e.DeliveryTag, requeue: false);
        };
        var tag = await consume.BasicConsumeAsync(input, autoAck: false, consumer);
        return new Closer(async () =>
        {
            await consume.BasicCancelAsync(tag);
            await consume.CloseAsync();
            await publish.CloseAsync();
        });
    }

    public static async Task<IAsyncDisposable> StartMqttAsync(string clientId, string topic, IConnection connection, string climate, string power)
    {
        var publish = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { Persistent = true };
        var routes = new Dictionary<byte, string> { [1] = climate, [2] = power };
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            e.AutoAcknowledge = false;
            var body = e.ApplicationMessage.Payload.First;
            if (body.Length == 13 && routes.TryGetValue(body.Span[0], out var queue))
            {
                try
                {
                    await publish.BasicPublishAsync("", queue, true, properties, body);
                }
                catch (Exception)
                {
                    // not confirmed: acknowledged anyway, MQTT has no negative acknowledgement
                }
            }

            await e.AcknowledgeAsync(CancellationToken.None);
        };
        await Mqtt.ConnectAsync(client, clientId);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return new Closer(async () =>
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            client.Dispose();
            await publish.CloseAsync();
        });
    }

    private sealed class Closer(Func<Task> close) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await close();
    }
}
