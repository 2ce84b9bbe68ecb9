using System;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Mqtt;
using HyperRoute.RabbitMQ;
using RabbitMQ.Client;

namespace HyperRoute.Samples.ScaleOut;

/// <summary>
/// One router process: a member of the run's MQTT shared subscription, forwarding to RabbitMQ. Prints <c>ready</c> once
/// subscribed, routes until its standard input closes, then prints its books on one line and exits.
/// </summary>
public static class RouterInstance
{
    public static async Task<int> RunAsync(Names names, int index)
    {
        var factory = new ConnectionFactory { Uri = Names.RabbitUri };
        await using var connection = await factory.CreateConnectionAsync($"{names.Run}-router-{index}");
        var climate = await RabbitMqDestination.CreateAsync(connection, new RabbitMqDestinationOptions { RoutingKey = names.Climate });
        var power = await RabbitMqDestination.CreateAsync(connection, new RabbitMqDestinationOptions { RoutingKey = names.Power });
        var dead = await RabbitMqDestination.CreateAsync(connection, new RabbitMqDestinationOptions { RoutingKey = names.Dead });
        var router = new ScaleOutRouter
        {
            Climate = new RoundRobinGroup<RabbitMqDestination>([climate]),
            Power = new RoundRobinGroup<RabbitMqDestination>([power]),
        };

        var source = await MqttSource.StartAsync(
            counters => new ScaleOutRouter.FrameHandler(router, counters),
            new MqttSourceOptions
            {
                Topics = [names.Topics],
                SharedGroup = names.Run,
                ClientId = $"{names.Run}-router-{index}",
                SessionExpiry = TimeSpan.Zero, // the session ends with the process: no member left behind in the group
                OnDeadLetter = d => dead.Send(d.Payload.Span),
                OnError = e => Console.Error.WriteLine($"router {index}: {e.Message}"),
            });
        Console.WriteLine("ready");

        await Console.In.ReadToEndAsync(); // the orchestrator closes our input when the run is over
        await source.StopAsync();
        await Task.WhenAll(climate.WhenConfirmedAsync(), power.WhenConfirmedAsync(), dead.WhenConfirmedAsync());
        var o = source.Outcomes;
        Console.WriteLine($"books received={source.Received} routed={o.Routed} malformed={o.Malformed} unrouted={o.Unrouted} undelivered={o.Undelivered} deadlettered={dead.Confirmed}");
        await climate.DisposeAsync();
        await power.DisposeAsync();
        await dead.DisposeAsync();
        return 0;
    }
}

/// <summary>The names one run uses: its MQTT topics and shared group, its RabbitMQ queues.</summary>
public sealed record Names(string Run)
{
    public static Uri RabbitUri { get; } = new(Environment.GetEnvironmentVariable("HYPERROUTE_RABBITMQ_URI") ?? "amqp://guest:guest@127.0.0.1:5672/");

    public string Topics => $"scaleout/{Run}/devices/{{deviceId}}/telemetry";

    public string Topic(int device) => $"scaleout/{Run}/devices/d{device}/telemetry";

    public string Climate => Run + "-climate";

    public string Power => Run + "-power";

    public string Dead => Run + "-dead";
}
