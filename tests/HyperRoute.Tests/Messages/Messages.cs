using System;

namespace HyperRoute.Tests.Messages;

/// <summary>A sensor reading in network byte order: 2 + 4 + 8 + 8 = 22 bytes.</summary>
[Message]
public partial struct Telemetry
{
    [Field(0)] public ushort Kind;
    [Field(1)] public uint DeviceId;
    [Field(2)] public double Value;
    [Field(3)] public long Timestamp;
}

/// <summary>A 32-byte fixed message (the allocation test's and the benchmark's shape).</summary>
[Message]
public partial struct Sample32
{
    [Field(0)] public ushort Kind;
    [Field(1)] public ushort Flags;
    [Field(2)] public uint DeviceId;
    [Field(3)] public double Value;
    [Field(4)] public long Timestamp;
    [Field(5)] public float Quality;
    [Field(6)] public int Sequence;
}

public enum Mode : byte
{
    Off = 0,
    On = 1,
    Auto = 2,
    Service = 7,
}

[Flags]
public enum Capabilities : short
{
    None = 0,
    Read = 1,
    Write = 2,
}

/// <summary>A nested message: a position, little-endian like its container.</summary>
[Message(Endian.Little)]
public partial struct Point
{
    [Field(0)] public int X { get; set; }
    [Field(1)] public int Y { get; set; }
}

/// <summary>Little-endian, with an enum, a bool, a fixed and a prefixed byte string and a nested message.</summary>
[Message(Endian.Little)]
public partial struct DeviceStatus
{
    [Field(0)] public Mode Mode;
    [Field(1)] public bool Online;
    [Field(2, Length = 4)] public ReadOnlyMemory<byte> Tag;
    [Field(3, Prefix = LengthPrefix.UInt16)] public ReadOnlyMemory<byte> Name;
    [Field(4)] public Point Position;
    [Field(5)] public Capabilities Capabilities;
    [Field(6, Prefix = LengthPrefix.Byte)] public ReadOnlyMemory<byte> Note;
    [Field(7)] public sbyte Trend;
}
