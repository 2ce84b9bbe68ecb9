using HyperRoute;
using HyperRoute.Messaging;
using HyperRoute.RabbitMQ;

namespace HyperRoute.Samples.ScaleOut;

/// <summary>A device's reading: 13 bytes, big-endian. Kind 1 is climate, 2 is power; devices with newer firmware send 9.</summary>
[Message]
public partial struct Reading
{
    [Field(0)] public byte Kind;
    [Field(1)] public uint DeviceId;
    [Field(2)] public uint Sequence;
    [Field(3)] public int Value;
}

/// <summary>Climate readings to the climate queue, power readings to the power queue; anything else is unrouted.</summary>
[MessageRouter(typeof(Reading), nameof(Reading.Kind))]
public sealed partial class ScaleOutRouter
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
