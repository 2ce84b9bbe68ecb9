using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using RabbitMQ.Client;

namespace HyperRoute.Samples.ScaleOut;

/// <summary>
/// One run: declares the queues, starts the router processes, publishes as the devices, counts what the sinks (the
/// RabbitMQ queues) hold, collects the routers' books and prints them. Balanced books exit 0.
/// </summary>
public static class Orchestrator
{
    public static async Task<int> RunAsync(int instances, int messages, int devices)
    {
        var names = new Names("scaleout-" + Guid.NewGuid().ToString("N")[..8]);
        var factory = new ConnectionFactory { Uri = Names.RabbitUri };
        await using var connection = await factory.CreateConnectionAsync(names.Run + "-sinks");
        await using var channel = await connection.CreateChannelAsync();
        string[] queues = [names.Climate, names.Power, names.Dead];
        foreach (var queue in queues)
        {
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        }

        var routers = new List<Process>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                routers.Add(await StartRouterAsync(names, i));
            }

            // The devices: every 100th reading comes from new firmware (kind 9, unrouted), every 100th + 50 is cut short.
            var expected = new int[3];
            var readings = new List<(string Topic, byte[] Payload)>(messages);
            for (var i = 0; i < messages; i++)
            {
                var kind = i % 100 == 99 ? (byte)9 : (byte)(1 + (i & 1));
                var payload = new byte[13];
                new Reading { Kind = kind, DeviceId = (uint)(i % devices), Sequence = (uint)i, Value = i }.TryWrite(payload, out _);
                if (i % 100 == 49)
                {
                    payload = payload[..6];
                }

                expected[payload.Length < 13 || kind == 9 ? 2 : kind - 1]++;
                readings.Add((names.Topic(i % devices), payload));
            }

            var clock = Stopwatch.StartNew();
            await PublishAsync(readings);
            var counts = new uint[3];
            while (counts.Sum(c => (long)c) < messages)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(3))
                {
                    Console.Error.WriteLine($"timed out: the sinks hold {counts.Sum(c => (long)c)} of {messages}");
                    break;
                }

                await Task.Delay(20);
                for (var q = 0; q < 3; q++)
                {
                    counts[q] = (await channel.QueueDeclarePassiveAsync(queues[q])).MessageCount;
                }
            }

            clock.Stop();
            var books = new List<Dictionary<string, long>>();
            foreach (var router in routers)
            {
                router.StandardInput.Close();
                books.Add(await ReadBooksAsync(router));
            }

            long Sum(string key) => books.Sum(b => b.GetValueOrDefault(key));
            var routed = Sum("routed");
            var deadLettered = Sum("deadlettered");
            var notRouted = Sum("malformed") + Sum("unrouted") + Sum("undelivered");
            Console.WriteLine($"instances {instances}: {messages} readings in {clock.Elapsed.TotalSeconds:F2} s = {messages / clock.Elapsed.TotalSeconds:F0} msgs/s");
            Console.WriteLine($"  sent          {messages,8}");
            Console.WriteLine($"  routed        {routed,8}   (per instance: {string.Join(", ", books.Select(b => b.GetValueOrDefault("routed")))})");
            Console.WriteLine($"  dead-lettered {deadLettered,8}   (malformed {Sum("malformed")}, unrouted {Sum("unrouted")}, undelivered {Sum("undelivered")})");
            Console.WriteLine($"  delivered     {counts[0] + counts[1],8}   (climate {counts[0]} of {expected[0]}, power {counts[1]} of {expected[1]}; dead-letter queue {counts[2]} of {expected[2]})");

            var balanced = routed + notRouted == messages
                && deadLettered == notRouted
                && counts[0] == expected[0] && counts[1] == expected[1] && counts[2] == expected[2]
                && routed == counts[0] + counts[1];
            Console.WriteLine(balanced ? "  the books balance" : "  THE BOOKS DO NOT BALANCE");
            return balanced ? 0 : 1;
        }
        finally
        {
            foreach (var router in routers.Where(r => !r.HasExited))
            {
                router.Kill();
            }

            foreach (var queue in queues)
            {
                await channel.QueueDeleteAsync(queue);
            }
        }
    }

    private static async Task<Process> StartRouterAsync(Names names, int index)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        if (!Environment.ProcessPath!.EndsWith("HyperRoute.Samples.ScaleOut", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(Orchestrator).Assembly.Location); // run as `dotnet HyperRoute.Samples.ScaleOut.dll`
        }

        foreach (var argument in new[] { "router", names.Run, index.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line != "ready")
        {
            throw new InvalidOperationException($"router {index} did not start: {line}");
        }

        return process;
    }

    private static async Task<Dictionary<string, long>> ReadBooksAsync(Process router)
    {
        var books = new Dictionary<string, long>();
        while (await router.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
        {
            if (line.StartsWith("books ", StringComparison.Ordinal))
            {
                foreach (var pair in line[6..].Split(' '))
                {
                    var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
                    books[key] = long.Parse(value);
                }
            }
        }

        await router.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return books;
    }

    private static async Task PublishAsync(List<(string Topic, byte[] Payload)> readings)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        var pending = new List<Task>();
        foreach (var (topic, payload) in readings)
        {
            pending.Add(client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
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
