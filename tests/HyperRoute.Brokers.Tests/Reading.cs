using HyperRoute.Messaging;

namespace HyperRoute.Brokers.Tests;

/// <summary>The message every broker test sends: 13 bytes, big-endian.</summary>
[Message]
public partial struct Reading
{
    /// <summary>Forwarded (1), refused by <see cref="PositiveValue"/> when negative (1), unrouted (7), thrown on (9).</summary>
    [Field(0)] public byte Kind;
    [Field(1)] public uint DeviceId;
    [Field(2)] public uint Sequence;
    [Field(3)] public int Value;

    public const int Size = 13;

    public static byte[] Encode(byte kind, uint deviceId, uint sequence, int value = 0)
    {
        var reading = new Reading { Kind = kind, DeviceId = deviceId, Sequence = sequence, Value = value };
        var bytes = new byte[Size];
        reading.TryWrite(bytes, out _);
        return bytes;
    }

    public static Reading Decode(System.ReadOnlySpan<byte> bytes)
    {
        TryRead(bytes, out var reading, out _);
        return reading;
    }
}

/// <summary>A reading with a negative value is refused.</summary>
[Validator]
public readonly partial struct PositiveValue : IValidator<Reading>
{
    public static ValidationResult Validate(in Reading value) => value.Value >= 0 ? ValidationResult.Ok : ValidationResult.Fail("negative value"u8);
}
