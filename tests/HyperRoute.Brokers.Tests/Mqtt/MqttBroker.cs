using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit;

namespace HyperRoute.Brokers.Tests.Mqtt;

/// <summary>A publishing client on the mosquitto broker of .ci/brokers.sh (127.0.0.1:1883), and a topic root unique to one test.</summary>
public sealed class MqttBroker : IAsyncDisposable
{
    public const int Port = 1883;

    private MqttBroker(IMqttClient client) => Client = client;

    public IMqttClient Client { get; }

    /// <summary>Topics of this test start with it, so tests never see each other's publishes.</summary>
    public string Root { get; } = "hr-test-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Connects, or fails the test saying how to start the broker.</summary>
    public static async Task<MqttBroker> ConnectAsync()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        }
        catch (Exception e)
        {
            client.Dispose();
            Assert.Fail($"mosquitto is not reachable at 127.0.0.1:{Port} ({e.GetBaseException().Message}). These tests need a real broker: run `.ci/brokers.sh start` (CI's .ci/run does).");
            throw;
        }

        return new MqttBroker(client);
    }

    /// <summary>Publishes each (topic, payload) with QoS 1, waiting for each PUBACK.</summary>
    public async Task PublishAsync(IEnumerable<(string Topic, byte[] Payload)> messages)
    {
        foreach (var (topic, payload) in messages)
        {
            var result = await Client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            Assert.True(result.IsSuccess, $"mosquitto refused a publish to {topic}: {result.ReasonCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        Client.Dispose();
    }
}
