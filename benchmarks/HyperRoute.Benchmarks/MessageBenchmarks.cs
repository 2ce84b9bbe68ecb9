using System;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;

namespace HyperRoute.Benchmarks;

/// <summary>A 32-byte big-endian telemetry message: the layout the benchmark reads.</summary>
[Message]
public partial struct Telemetry32
{
    [Field(0)] public ushort Kind;
    [Field(1)] public ushort Flags;
    [Field(2)] public uint DeviceId;
    [Field(3)] public double Value;
    [Field(4)] public long Timestamp;
    [Field(5)] public float Quality;
    [Field(6)] public int Sequence;
}

/// <summary>
/// The generated <c>TryRead(ReadOnlySpan&lt;byte&gt;)</c> of a 32-byte message against a hand-written
/// <see cref="BinaryPrimitives"/> parser of the same layout and signature (one length check, constant offsets, the
/// fields read into the <c>out</c> message); both sum every field so no read can be dropped.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class MessageBenchmarks
{
    private readonly byte[] _input = new byte[Telemetry32.FixedSize];

    [GlobalSetup]
    public void Setup()
    {
        var message = new Telemetry32 { Kind = 7, Flags = 3, DeviceId = 123_456, Value = 21.5, Timestamp = 1_700_000_000_000, Quality = 0.9f, Sequence = 42 };
        if (!message.TryWrite(_input, out var written) || written != 32 || HandWrittenBinaryPrimitives() != GeneratedTryRead())
        {
            throw new InvalidOperationException("the two parsers disagree");
        }
    }

    [Benchmark(Baseline = true)]
    public long HandWrittenBinaryPrimitives()
        => TryReadByHand(_input, out var message, out _) ? Sum(in message) : -1;

    [Benchmark]
    public long GeneratedTryRead()
        => Telemetry32.TryRead(new ReadOnlySpan<byte>(_input), out var message, out _) ? Sum(in message) : -1;

    // The parser one would write by hand: the same signature as the generated one, one length check, constant offsets.
    private static bool TryReadByHand(ReadOnlySpan<byte> source, out Telemetry32 message, out int consumed)
    {
        if (source.Length < 32)
        {
            message = default;
            consumed = 0;
            return false;
        }

        message.Kind = BinaryPrimitives.ReadUInt16BigEndian(source);
        message.Flags = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2));
        message.DeviceId = BinaryPrimitives.ReadUInt32BigEndian(source.Slice(4));
        message.Value = BinaryPrimitives.ReadDoubleBigEndian(source.Slice(8));
        message.Timestamp = BinaryPrimitives.ReadInt64BigEndian(source.Slice(16));
        message.Quality = BinaryPrimitives.ReadSingleBigEndian(source.Slice(24));
        message.Sequence = BinaryPrimitives.ReadInt32BigEndian(source.Slice(28));
        consumed = 32;
        return true;
    }

    // Uses every field, so neither parser's reads can be dropped.
    private static long Sum(in Telemetry32 m)
        => m.Kind + m.Flags + m.DeviceId + (long)m.Value + m.Timestamp + (long)m.Quality + m.Sequence;
}
