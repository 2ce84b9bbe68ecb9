using System;
using HyperRoute.Messaging;

namespace HyperRoute.Samples.Telemetry;

/// <summary>What a device measures: the key the router switches on.</summary>
public enum SensorKind : byte
{
    Temperature = 1,
    Humidity = 2,
    Battery = 3,
    Voltage = 4,

    /// <summary>Newer devices send it; the router has no route for it yet (its readings are counted as unrouted).</summary>
    Vibration = 5,
}

/// <summary>Flags a device sets on a reading.</summary>
[Flags]
public enum TelemetryFlags : ushort
{
    None = 0,

    /// <summary>The device considers the reading an alarm: routed to the alarm group whatever its kind.</summary>
    Alarm = 1,

    /// <summary>The device runs on its backup battery.</summary>
    OnBackup = 2,
}

/// <summary>
/// One reading from a device, 32 bytes big-endian on the wire. Devices fill everything but <see cref="ReceivedAt"/>,
/// which the router stamps (see <see cref="StampReceiveTime"/>) before forwarding the same 32 bytes on.
/// </summary>
[Message]
public partial struct Telemetry
{
    /// <summary>The wire format this sample's devices, router and sinks share: a 2-byte length prefix, frames up to 64 bytes.</summary>
    public static FrameFormat Format => new() { PrefixSize = 2, MaxFrameSize = 64 };

    /// <summary>The layout version; the router takes <see cref="CurrentVersion"/> only.</summary>
    public const byte CurrentVersion = 1;

    [Field(0)] public byte Version;
    [Field(1)] public SensorKind Kind;
    [Field(2)] public TelemetryFlags Flags;
    [Field(3)] public uint DeviceId;
    [Field(4)] public uint Sequence;      // per device, from 0
    [Field(5)] public float Value;
    [Field(6)] public long SentAt;        // device clock, Unix microseconds
    [Field(7)] public long ReceivedAt;    // router clock, Unix microseconds; 0 until stamped
}
