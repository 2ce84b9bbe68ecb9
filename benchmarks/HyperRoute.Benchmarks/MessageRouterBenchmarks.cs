using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;

namespace HyperRoute.Benchmarks;

/// <summary>A 32-byte big-endian telemetry message, routed by <see cref="Kind"/>: 2 + 2 + 4 + 8 + 8 + 4 + 4 bytes.</summary>
[Message]
public partial struct Telemetry
{
    [Field(0)] public ushort Kind;
    [Field(1)] public ushort Flags;
    [Field(2)] public uint DeviceId;
    [Field(3)] public double Value;
    [Field(4)] public long Timestamp;
    [Field(5)] public float Quality;
    [Field(6)] public int Sequence;
}

/// <summary>Source-end check of the benchmark's router with steps: device 0 is refused.</summary>
[Validator]
public readonly partial struct KnownDevice : IValidator<Telemetry>
{
    public static ValidationResult Validate(in Telemetry value) => value.DeviceId != 0 ? ValidationResult.Ok : ValidationResult.Fail("device 0"u8);
}

/// <summary>Source-end enrichment of the benchmark's router with steps: stamps the receive time (a constant: the clock is not what is measured).</summary>
[Transform]
public readonly partial struct StampReceived : ITransform<Telemetry>
{
    public const long Stamp = 1_800_000_000_000;

    public static void Transform(ref Telemetry value) => value.Timestamp = Stamp;
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

/// <summary>The same router with one validator and one transform before routing.</summary>
[MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
[Validate<KnownDevice>]
[Transform<StampReceived>]
public static partial class CheckedTelemetryRouter
{
    [On(1)] public static void Temperature(in Telemetry message) => BenchmarkTelemetryRouter.Temperature(in message);
    [On(2)] public static void Humidity(in Telemetry message) => BenchmarkTelemetryRouter.Humidity(in message);
    [On(3)] public static void Pressure(in Telemetry message) => BenchmarkTelemetryRouter.Pressure(in message);
    [On(4)] public static void Battery(in Telemetry message) => BenchmarkTelemetryRouter.Battery(in message);
    [Otherwise] public static void Unknown(in Telemetry message) => BenchmarkTelemetryRouter.Unknown(in message);
}

/// <summary>
/// Parse and route one 32-byte telemetry frame (Kind 3): the generated <c>TryRoute</c>; a hand-written
/// <see cref="BinaryPrimitives"/> parse and <c>switch</c> calling the same handlers (the baseline); the same hand-written
/// parse with a <c>Dictionary&lt;ushort, Action&lt;Telemetry&gt;&gt;</c> of delegates, the usual reflection-free
/// alternative; and the generated router with a validator and a stamping transform against the same steps by hand.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class MessageRouterBenchmarks
{
    private const long Timestamp = 1_700_000_000_000;

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
        var message = new Telemetry { Kind = 3, Flags = 1, DeviceId = 123_456, Value = 21.5, Timestamp = Timestamp, Quality = 0.9f, Sequence = 7 };
        if (!message.TryWrite(_frame, out var written) || written != 32)
        {
            throw new InvalidOperationException("the frame was not written");
        }

        var plain = new[] { HandWrittenSwitch(), GeneratedTryRoute(), DelegateDictionary() };
        var checkedSums = new[] { HandWrittenSwitchWithSteps(), GeneratedTryRouteWithSteps() };
        if (plain[0] != Timestamp || plain[1] != plain[0] || plain[2] != plain[0]
            || checkedSums[0] != StampReceived.Stamp || checkedSums[1] != checkedSums[0])
        {
            throw new InvalidOperationException("the routers disagree");
        }
    }

    [Benchmark(Baseline = true)]
    public long HandWrittenSwitch()
    {
        BenchmarkTelemetryRouter.Sink = 0;
        if (TryReadByHand(_frame, out var message))
        {
            SwitchByHand(in message);
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

    [Benchmark]
    public long HandWrittenSwitchWithSteps()
    {
        BenchmarkTelemetryRouter.Sink = 0;
        if (TryReadByHand(_frame, out var message) && KnownDevice.Validate(in message).IsValid)
        {
            StampReceived.Transform(ref message);
            SwitchByHand(in message);
        }

        return BenchmarkTelemetryRouter.Sink;
    }

    [Benchmark]
    public long GeneratedTryRouteWithSteps()
    {
        BenchmarkTelemetryRouter.Sink = 0;
        CheckedTelemetryRouter.TryRoute(_frame, out _);
        return BenchmarkTelemetryRouter.Sink;
    }

    private static void SwitchByHand(in Telemetry message)
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

    // The parser one would write by hand: one length check, constant offsets.
    private static bool TryReadByHand(ReadOnlySpan<byte> source, out Telemetry message)
    {
        if (source.Length < 32)
        {
            message = default;
            return false;
        }

        message.Kind = BinaryPrimitives.ReadUInt16BigEndian(source);
        message.Flags = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2));
        message.DeviceId = BinaryPrimitives.ReadUInt32BigEndian(source.Slice(4));
        message.Value = BinaryPrimitives.ReadDoubleBigEndian(source.Slice(8));
        message.Timestamp = BinaryPrimitives.ReadInt64BigEndian(source.Slice(16));
        message.Quality = BinaryPrimitives.ReadSingleBigEndian(source.Slice(24));
        message.Sequence = BinaryPrimitives.ReadInt32BigEndian(source.Slice(28));
        return true;
    }
}
