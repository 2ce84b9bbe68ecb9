using System;
using System.Collections.Generic;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;

namespace HyperRoute.Tests.Messages;

/// <summary>An in-memory destination: accepts frames (keeping a copy unless <see cref="Keep"/> is off) or refuses them all with <see cref="Answer"/>.</summary>
public sealed class MemoryDestination(string name) : IFrameDestination
{
    public string Name => name;

    /// <summary>Copies of the frames accepted, when <see cref="Keep"/>.</summary>
    public List<byte[]> Frames { get; } = [];

    /// <summary>How many frames were accepted.</summary>
    public int Accepted { get; private set; }

    /// <summary>How many sends were asked of it (accepted or not).</summary>
    public int Attempts { get; private set; }

    /// <summary>Keep a copy of each frame (off for the allocation test).</summary>
    public bool Keep { get; init; } = true;

    /// <summary>What every send answers; anything but <see cref="SendResult.Sent"/> refuses the frame.</summary>
    public SendResult Answer { get; set; } = SendResult.Sent;

    public SendResult Send(ReadOnlySpan<byte> frame)
    {
        Attempts++;
        if (Answer != SendResult.Sent)
        {
            return Answer;
        }

        Accepted++;
        if (Keep)
        {
            Frames.Add(frame.ToArray());
        }

        return SendResult.Sent;
    }

    public override string ToString() => name;
}

/// <summary>
/// Forwards with [To]: alarms (checked and calibrated first) to a failover pair, kinds 1 and 2 round-robin, kinds 7 and 8
/// by device (consistent hash on <see cref="Telemetry.DeviceId"/>), anything else to a plain handler.
/// </summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
public sealed partial class ForwardingRouter
{
    public required FailoverGroup<MemoryDestination> Alarms { get; init; }

    public required RoundRobinGroup<MemoryDestination> Climate { get; init; }

    public required ConsistentHashGroup<MemoryDestination> Power { get; init; }

    /// <summary>Messages the plain [Otherwise] handler took.</summary>
    public int Others { get; private set; }

    [On(When = nameof(IsAlarm))]
    [Validate<InRange>]
    [Transform<Calibrate>]
    [To(nameof(Alarms))]
    private partial MessageOutcome Alarm(in Telemetry reading);

    /// <summary>Public so that tests can call the generated forward directly.</summary>
    [On(1), On(2)]
    [To(nameof(Climate))]
    public partial MessageOutcome ToClimate(Telemetry reading);

    [On(7), On(8)]
    [To(nameof(Power), Key = nameof(Telemetry.DeviceId))]
    private partial MessageOutcome ToPower(in Telemetry reading);

    [Otherwise]
    private void Other(in Telemetry reading) => Others++;

    private static bool IsAlarm(in Telemetry reading) => reading.Value > 100;

    /// <summary>A router over fresh in-memory destinations: two alarm sinks, two climate sinks, four power sinks.</summary>
    public static ForwardingRouter Create(bool keep = true)
    {
        MemoryDestination Sink(string name) => new(name) { Keep = keep };
        return new ForwardingRouter
        {
            Alarms = new FailoverGroup<MemoryDestination>([Sink("alarm-primary"), Sink("alarm-standby")]),
            Climate = new RoundRobinGroup<MemoryDestination>([Sink("climate-a"), Sink("climate-b")]),
            Power = new ConsistentHashGroup<MemoryDestination>([Sink("power-a"), Sink("power-b"), Sink("power-c"), Sink("power-d")], static d => d.Name),
        };
    }
}

/// <summary>Forwards over TCP: kind 1 round-robin over two peers, kind 7 by device over two peers.</summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
public sealed partial class TcpForwardingRouter(RoundRobinGroup<TcpPeer> climate, ConsistentHashGroup<TcpPeer> power)
{
    private readonly RoundRobinGroup<TcpPeer> _climate = climate;
    private readonly ConsistentHashGroup<TcpPeer> _power = power;

    [On(1)]
    [To(nameof(_climate))]
    private partial MessageOutcome Climate(in Telemetry reading);

    [On(7)]
    [To(nameof(_power), Key = nameof(Telemetry.DeviceId))]
    private partial MessageOutcome Power(in Telemetry reading);
}
