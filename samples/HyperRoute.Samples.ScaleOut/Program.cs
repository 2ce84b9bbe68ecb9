using System;
using HyperRoute.Samples.ScaleOut;

// dotnet run -- [instances] [messages] [devices]     one run with that many router processes (default 2, 10,000, 100)
// (the orchestrator starts itself as `router <run> <index>` for each router process)
if (args.Length >= 3 && args[0] == "router")
{
    return await RouterInstance.RunAsync(new Names(args[1]), int.Parse(args[2]));
}

var instances = args.Length > 0 ? int.Parse(args[0]) : 2;
var messages = args.Length > 1 ? int.Parse(args[1]) : 10_000;
var devices = args.Length > 2 ? int.Parse(args[2]) : 100;
try
{
    return await Orchestrator.RunAsync(instances, messages, devices);
}
catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or MQTTnet.Exceptions.MqttCommunicationException)
{
    Console.Error.WriteLine($"A broker is not reachable ({e.Message}): start them with .ci/brokers.sh start (run.sh does).");
    return 2;
}
