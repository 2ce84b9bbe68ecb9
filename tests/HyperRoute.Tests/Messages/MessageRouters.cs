using System.Collections.Generic;

namespace HyperRoute.Tests.Messages;

/// <summary>Routes <see cref="Telemetry"/> by Kind: 1 and 2 to their handlers, 7 and 8 to one, everything else to the fallback.</summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
public static partial class TelemetryRouter
{
    [System.ThreadStatic] private static List<string>? _calls;

    /// <summary>What the handlers saw on this thread, as <c>handler:DeviceId</c>.</summary>
    public static List<string> Calls => _calls ??= new List<string>();

    [On(1)]
    private static void Temperature(in Telemetry message) => Calls.Add("Temperature:" + message.DeviceId);

    [On(2)]
    private static void Humidity(Telemetry message) => Calls.Add("Humidity:" + message.DeviceId);

    [On(7), On(8)]
    private static void Battery(in Telemetry message) => Calls.Add("Battery:" + message.DeviceId);

    [Otherwise]
    private static void Unknown(in Telemetry message) => Calls.Add("Unknown:" + message.Kind);
}

/// <summary>An instance router without a fallback: counts what it routes.</summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
public sealed partial class CountingRouter
{
    public int Temperatures { get; private set; }

    public long Total { get; private set; }

    [On(1)]
    private void Temperature(in Telemetry message)
    {
        Temperatures++;
        Total += message.DeviceId;
    }

    [On(3)]
    private static void Ignored(in Telemetry message)
    {
    }
}

/// <summary>A router keyed by an enum field, for a message with an enum and byte strings (no span reader, so no TryRoute).</summary>
[MessageRouter(typeof(DeviceStatus), nameof(DeviceStatus.Mode))]
public sealed partial class StatusRouter
{
    public Mode? Last { get; private set; }

    [On((long)Mode.On), On((long)Mode.Service)]
    private void Active(in DeviceStatus message) => Last = message.Mode;
}

/// <summary>
/// Predicates and steps at both ends, traced into <see cref="MessageTrace"/>: every message is checked and stamped,
/// a test device goes to <c>Test</c> whatever its kind, kind 3 is an alarm above 100, a warning above 50 and otherwise
/// a pressure reading (calibrated), kind 4 only an alarm; the rest falls back to <c>Unknown</c>.
/// </summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
[Validate<TracedKnownDevice>]
[Transform<TracedStampReceived>]
public static partial class AlarmRouter
{
    public const uint TestDevice = 999;

    private static List<string> Trace => MessageTrace.Steps;

    [On(When = nameof(IsTestDevice))]
    private static void Test(in Telemetry message) => Trace.Add("Test:" + message.Kind);

    [On(3, When = nameof(IsAlarm))]
    [On(4, When = nameof(IsAlarm))]
    [Validate<InRange>]
    private static void Alarm(in Telemetry message) => Trace.Add("Alarm:" + message.Value + "@" + message.Timestamp);

    [On(3, When = nameof(IsWarning))]
    private static void Warning(Telemetry message) => Trace.Add("Warning:" + message.Value);

    [On(3)]
    [Transform<Calibrate>]
    private static void Pressure(in Telemetry message) => Trace.Add("Pressure:" + message.Value + "@" + message.Timestamp);

    [Otherwise]
    private static void Unknown(in Telemetry message) => Trace.Add("Unknown:" + message.Kind);

    private static bool IsTestDevice(in Telemetry message)
    {
        Trace.Add("IsTestDevice");
        return message.DeviceId == TestDevice;
    }

    private static bool IsAlarm(in Telemetry message)
    {
        Trace.Add("IsAlarm");
        return message.Value > 100;
    }

    private static bool IsWarning(Telemetry message)
    {
        Trace.Add("IsWarning");
        return message.Value > 50;
    }
}

/// <summary>
/// An instance router with an instance predicate and steps at both ends that allocates nothing: it refuses device 0,
/// takes kind 5 only when hot (stamped on the way), kind 6 always, and has no fallback.
/// </summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
[Validate<KnownDevice>]
public sealed partial class ThresholdRouter
{
    public double Threshold { get; init; } = 100;

    public int Hot { get; private set; }

    public int Plain { get; private set; }

    public long LastStamp { get; private set; }

    [On(5, When = nameof(IsHot))]
    [Transform<StampReceived>]
    private void OnHot(in Telemetry message)
    {
        Hot++;
        LastStamp = message.Timestamp;
    }

    [On(6)]
    private void OnPlain(Telemetry message) => Plain++;

    private bool IsHot(in Telemetry message) => message.Value > Threshold;
}
