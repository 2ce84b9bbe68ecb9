using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using BrokerBench;
using HyperRoute.Messaging;
using HyperRoute.Mqtt;
using HyperRoute.RabbitMQ;
using RabbitMQ.Client;

// One case per run: dotnet BrokerBench.dll <rabbit-generated|rabbit-conventional|mqtt-generated|mqtt-conventional> <messages>
// The backlog is queued on the broker first; then the relay starts and the clock runs until every message is in the
// output queues. Prints one line: case, messages, msgs/s, CPU µs per message (this process: the relay), bytes
// allocated per message (this process: the relay and its client libraries).
var mode = args.Length > 0 ? args[0] : "rabbit-generated";
var count = args.Length > 1 ? int.Parse(args[1]) : 20_000;
const ushort prefetch = 200;

var factory = new ConnectionFactory { Uri = new Uri(Environment.GetEnvironmentVariable("HYPERROUTE_RABBITMQ_URI") ?? "amqp://guest:guest@127.0.0.1:5672/") };
await using var connection = await factory.CreateConnectionAsync("broker-bench");
await using var admin = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
var prefix = "bench-" + Guid.NewGuid().ToString("N")[..8];
string input = prefix + "-in", climate = prefix + "-climate", power = prefix + "-power";
foreach (var queue in new[] { input, climate, power })
{
    await admin.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
}

try
{
    var bodies = Enumerable.Range(0, count).Select(i => Reading.Encode((byte)(1 + (i & 1)), (uint)i)).ToList();
    var topic = prefix + "/devices/all/telemetry";
    var clientId = prefix + "-relay";
    if (mode.StartsWith("mqtt", StringComparison.Ordinal))
    {
        await Mqtt.CreateSessionAsync(clientId, topic);
        await Mqtt.PublishAsync(topic, bodies);
    }
    else
    {
        var properties = new BasicProperties { Persistent = true };
        foreach (var chunk in bodies.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(b => admin.BasicPublishAsync("", input, true, properties, b).AsTask()));
        }
    }

    await using var relayConnection = await factory.CreateConnectionAsync("broker-bench-relay");
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    IAsyncDisposable relay = mode switch
    {
        "rabbit-generated" => await StartGeneratedRabbitAsync(),
        "rabbit-conventional" => await Conventional.StartRabbitAsync(relayConnection, input, climate, power, prefetch),
        "mqtt-generated" => await StartGeneratedMqttAsync(),
        "mqtt-conventional" => await Conventional.StartMqttAsync(clientId, topic, relayConnection, climate, power),
        _ => throw new ArgumentException("unknown case " + mode),
    };

    while (true)
    {
        var delivered = (await admin.QueueDeclarePassiveAsync(climate)).MessageCount + (await admin.QueueDeclarePassiveAsync(power)).MessageCount;
        if (delivered >= count)
        {
            break;
        }

        if (clock.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException($"{mode}: {delivered} of {count} delivered after 5 minutes");
        }

        await Task.Delay(10);
    }

    clock.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    Console.WriteLine($"{mode,-20} {count,8} {count / clock.Elapsed.TotalSeconds,12:F0} {cpu.TotalMicroseconds / count,10:F1} {(double)allocated / count,10:F0}");
    await relay.DisposeAsync();

    async Task<IAsyncDisposable> StartGeneratedRabbitAsync()
    {
        var router = await CreateRouterAsync();
        return await RabbitMqSource.StartAsync(c => new BenchRouter.FrameHandler(router, c), new RabbitMqSourceOptions { Queue = input, Prefetch = prefetch, Uri = factory.Uri });
    }

    async Task<IAsyncDisposable> StartGeneratedMqttAsync()
    {
        var router = await CreateRouterAsync();
        return await MqttSource.StartAsync(c => new BenchRouter.FrameHandler(router, c), new MqttSourceOptions { Topics = [topic], ClientId = clientId });
    }

    async Task<BenchRouter> CreateRouterAsync() => new()
    {
        Climate = new RoundRobinGroup<RabbitMqDestination>([await RabbitMqDestination.CreateAsync(relayConnection, new RabbitMqDestinationOptions { RoutingKey = climate })]),
        Power = new RoundRobinGroup<RabbitMqDestination>([await RabbitMqDestination.CreateAsync(relayConnection, new RabbitMqDestinationOptions { RoutingKey = power })]),
    };
}
finally
{
    foreach (var queue in new[] { input, climate, power })
    {
        await admin.QueueDeleteAsync(queue);
    }
}
