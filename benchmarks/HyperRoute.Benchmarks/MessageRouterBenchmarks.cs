using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;

namespace HyperRoute.Benchmarks;

/// <summary>A 22-byte big-endian telemetry message, routed by <see cref="Kind"/>.</summary>
[Message]
public partial struct Telemetry
{
    [Field(0)] public ushort Kind;
    [Field(1)] public uint DeviceId;
    [Field(2)] public double Value;
    [Field(3)] public long Timestamp;
}

/// <summary>The generated router the benchmark measures: four kinds and a fallback, each handler adding to a sink.</summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
public static partial class BenchmarkTelemetryRouter
{
    public static long Sink;

    [On(1)] public static void Temperature(in Telemetry message) => Sink += message.DeviceId;
    [On(2)] public static void Humidity(in Telemetry message) => Sink += (long)message.Value;
    [On(3)] public static void Pressure(in Telemetry message) => Sink += message.Timestamp;
    [On(4)] public static void Battery(in Telemetry message) => Sink += message.Kind;
    [Otherwise] public static void Unknown(in Telemetry message) => Sink--;
}

/// <summary>
/// Parse and route one 22-byte telemetry frame (Kind 3) three ways: the generated <c>TryRoute</c>; a hand-written
/// <see cref="BinaryPrimitives"/> parse and <c>switch</c> calling the same handlers (the baseline); and the same
/// hand-written parse with a <c>Dictionary&lt;ushort, Action&lt;Telemetry&gt;&gt;</c> of delegates, the usual
/// reflection-free alternative.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class MessageRouterBenchmarks
{
    private readonly byte[] _frame = new byte[Telemetry.FixedSize];
    private readonly Dictionary<ushort, Action<Telemetry>> _handlers = new()
    {
        [1] = static m => BenchmarkTelemetryRouter.Temperature(in m),
        [2] = static m => BenchmarkTelemetryRouter.Humidity(in m),
        [3] = static m => BenchmarkTelemetryRouter.Pressure(in m),
        [4] = static m => BenchmarkTelemetryRouter.Battery(in m),
    };

    [GlobalSetup]
    public void Setup()
    {
        var message = new Telemetry { Kind = 3, DeviceId = 123_456, Value = 21.5, Timestamp = 1_700_000_000_000 };
        if (!message.TryWrite(_frame, out var written) || written != 22)
        {
            throw new InvalidOperationException("the frame was not written");
        }

        var sums = new[] { HandWrittenSwitch(), GeneratedTryRoute(), DelegateDictionary() };
        if (sums[0] != 1_700_000_000_000 || sums[1] != sums[0] || sums[2] != sums[0])
        {
            throw new InvalidOperationException("the three routers disagree");
        }
    }

    [Benchmark(Baseline = true)]
    public long HandWrittenSwitch()
    {
        BenchmarkTelemetryRouter.Sink = 0;
        if (TryReadByHand(_frame, out var message))
        {
            switch (message.Kind)
            {
                case 1: BenchmarkTelemetryRouter.Temperature(in message); break;
                case 2: BenchmarkTelemetryRouter.Humidity(in message); break;
                case 3: BenchmarkTelemetryRouter.Pressure(in message); break;
                case 4: BenchmarkTelemetryRouter.Battery(in message); break;
                default: BenchmarkTelemetryRouter.Unknown(in message); break;
            }
        }

        return BenchmarkTelemetryRouter.Sink;
    }

    [Benchmark]
    public long GeneratedTryRoute()
    {
        BenchmarkTelemetryRouter.Sink = 0;
        BenchmarkTelemetryRouter.TryRoute(_frame, out _);
        return BenchmarkTelemetryRouter.Sink;
    }

    [Benchmark]
    public long DelegateDictionary()
    {
        BenchmarkTelemetryRouter.Sink = 0;
        if (TryReadByHand(_frame, out var message))
        {
            if (_handlers.TryGetValue(message.Kind, out var handler))
            {
                handler(message);
            }
            else
            {
                BenchmarkTelemetryRouter.Unknown(in message);
            }
        }

        return BenchmarkTelemetryRouter.Sink;
    }

    // The parser one would write by hand: one length check, constant offsets.
    private static bool TryReadByHand(ReadOnlySpan<byte> source, out Telemetry message)
    {
        if (source.Length < 22)
        {
            message = default;
            return false;
        }

        message.Kind = BinaryPrimitives.ReadUInt16BigEndian(source);
        message.DeviceId = BinaryPrimitives.ReadUInt32BigEndian(source.Slice(2));
        message.Value = BinaryPrimitives.ReadDoubleBigEndian(source.Slice(6));
        message.Timestamp = BinaryPrimitives.ReadInt64BigEndian(source.Slice(14));
        return true;
    }
}
