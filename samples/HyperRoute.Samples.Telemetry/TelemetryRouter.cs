using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;

namespace HyperRoute.Samples.Telemetry;

/// <summary>
/// Routes device readings to three destination groups: alarms of any kind to a primary/standby pair, climate readings
/// round-robin over two sinks, power readings by device over two sinks (consistent hash on the device id, so each
/// device's readings stay on one sink). Every decision is compiled: the generator writes <c>Route</c> as the steps,
/// the alarm test and one <c>switch</c> on <see cref="Telemetry.Kind"/>, each case forwarding to its group directly
/// (see <c>obj/…/HyperRoute.Samples.Telemetry.TelemetryRouter.MessageRouter.g.cs</c>).
/// </summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
[Validate<SupportedVersion>]
[Validate<FiniteReading>]
[Transform<StampReceiveTime>]
public sealed partial class TelemetryRouter(Destinations destinations)
{
    private FailoverGroup<TcpPeer> Alarms => destinations.Alarms;

    private RoundRobinGroup<TcpPeer> Climate => destinations.Climate;

    private ConsistentHashGroup<TcpPeer> Power => destinations.Power;

    /// <summary>Alarms go first, whatever the sensor, while they are fresh.</summary>
    [On(When = nameof(IsAlarm))]
    [Validate<FreshAlarm>]
    [To(nameof(Alarms))]
    public partial MessageOutcome Alarm(in Telemetry reading);

    [On((long)SensorKind.Temperature)]
    [On((long)SensorKind.Humidity)]
    [To(nameof(Climate))]
    public partial MessageOutcome ToClimate(in Telemetry reading);

    [On((long)SensorKind.Battery)]
    [On((long)SensorKind.Voltage)]
    [To(nameof(Power), Key = nameof(Telemetry.DeviceId))]
    public partial MessageOutcome ToPower(in Telemetry reading);

    private static bool IsAlarm(in Telemetry reading) => (reading.Flags & TelemetryFlags.Alarm) != 0;
}
