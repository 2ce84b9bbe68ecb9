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
