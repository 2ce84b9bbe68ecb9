using System;
using System.Buffers.Binary;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;

namespace HyperRoute.Samples.Telemetry;

/// <summary>
/// Routes device readings to three destination groups: alarms of any kind to a primary/standby pair, climate readings
/// round-robin over two sinks, power readings by device over two sinks (consistent hash, so each device's readings
/// stay on one sink). The generator compiles it into one <c>switch</c> on <see cref="Telemetry.Kind"/> behind a test
/// of the alarm flag, with the steps inlined: see <c>obj/…/TelemetryRouter.MessageRouter.g.cs</c>.
/// </summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
[Validate<SupportedVersion>]
[Validate<FiniteReading>]
[Transform<StampReceiveTime>]
public sealed partial class TelemetryRouter(Destinations destinations)
{
    /// <summary>Alarms go first, whatever the sensor.</summary>
    [On(When = nameof(IsAlarm))]
    [Validate<FreshAlarm>]
    private void Alarm(in Telemetry reading) => destinations.Count(destinations.Alarms.Forward(in reading));

    [On((long)SensorKind.Temperature)]
    [On((long)SensorKind.Humidity)]
    private void Climate(in Telemetry reading) => destinations.Count(destinations.Climate.Forward(in reading));

    [On((long)SensorKind.Battery)]
    [On((long)SensorKind.Voltage)]
    private void Power(in Telemetry reading)
    {
        Span<byte> device = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(device, reading.DeviceId);
        destinations.Count(destinations.Power.Forward(in reading, device));
    }

    private static bool IsAlarm(in Telemetry reading) => (reading.Flags & TelemetryFlags.Alarm) != 0;
}
