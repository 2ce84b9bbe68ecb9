using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace BrokerBench;

/// <summary>MQTT plumbing of the benchmark: a persistent session to queue the backlog in, and a fast QoS 1 publisher.</summary>
public static class Mqtt
{
    public static Task ConnectAsync(IMqttClient client, string clientId) =>
        client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", 1883)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .WithReceiveMaximum(64)
            .Build());

    /// <summary>Makes the session and its subscription, then leaves: the broker queues what is published meanwhile.</summary>
    public static async Task CreateSessionAsync(string clientId, string topic)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await ConnectAsync(client, clientId);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        client.Dispose();
    }

    /// <summary>Publishes the bodies with QoS 1, a hundred PUBACKs awaited at a time.</summary>
    public static async Task PublishAsync(string topic, IReadOnlyList<byte[]> bodies)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        var pending = new List<Task>();
        foreach (var body in bodies)
        {
            pending.Add(client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(body).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
            if (pending.Count == 100)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        client.Dispose();
    }
}
