using HyperRoute;
using HyperRoute.Messaging;
using HyperRoute.RabbitMQ;

namespace BrokerBench;

/// <summary>The benchmark's message: 13 bytes, routed by <see cref="Kind"/> to one of two queues.</summary>
[Message]
public partial struct Reading
{
    [Field(0)] public byte Kind;
    [Field(1)] public uint DeviceId;
    [Field(2)] public uint Sequence;
    [Field(3)] public int Value;

    public static byte[] Encode(byte kind, uint sequence)
    {
        var bytes = new byte[13];
        new Reading { Kind = kind, DeviceId = sequence % 100, Sequence = sequence, Value = 1 }.TryWrite(bytes, out _);
        return bytes;
    }
}

/// <summary>Kind 1 to the climate queue, kind 2 to the power queue: the routing both relays implement.</summary>
[MessageRouter(typeof(Reading), nameof(Reading.Kind))]
public sealed partial class BenchRouter
{
    public required RoundRobinGroup<RabbitMqDestination> Climate { get; init; }
    public required RoundRobinGroup<RabbitMqDestination> Power { get; init; }

    [On(1)]
    [To(nameof(Climate))]
    private partial MessageOutcome ToClimate(in Reading reading);

    [On(2)]
    [To(nameof(Power))]
    private partial MessageOutcome ToPower(in Reading reading);
}
