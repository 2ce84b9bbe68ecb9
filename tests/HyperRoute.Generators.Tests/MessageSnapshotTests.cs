extern alias generator;

using System.Linq;
using HyperRoute.Testing;
using Xunit;

using MessageGenerator = generator::HyperRoute.Generators.MessageGenerator;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>[Message] structs compiled into BinaryPrimitives readers and writers; every test also asserts a clean compile and a fully cached re-run.</summary>
public sealed class MessageSnapshotTests : GeneratorTestBase<MessageGenerator>
{
    // No test here declares a [MessageRouter]: that pipeline runs on nothing and tracks no step.
    protected override string[] TrackedSteps { get; } = { TrackingNames.MessageParse, TrackingNames.Messages };

    [Fact]
    public void Big_endian_telemetry_reads_after_one_length_check_and_has_a_span_reader_and_fixed_size()
    {
        var result = Generate("""
            using HyperRoute;

            namespace Sensors;

            [Message]
            public partial struct Telemetry
            {
                [Field(0)] public ushort Kind;
                [Field(1)] public uint DeviceId;
                [Field(2)] public double Value;
                [Field(3)] public long Timestamp;
            }
            """);

        Snapshot.Match(result.Source("Sensors.Telemetry.Message.g.cs"));
    }

    [Fact]
    public void Little_endian_status_with_enum_bool_byte_strings_and_a_nested_message_reads_from_memory()
    {
        var result = Generate("""
            using System;
            using HyperRoute;

            namespace Devices;

            public enum Mode : byte { Off, On, Auto, Service = 7 }

            [Flags]
            public enum Capabilities : short { None = 0, Read = 1, Write = 2 }

            [Message(Endian.Little)]
            public partial struct Point
            {
                [Field(0)] public int X { get; set; }
                [Field(1)] public int Y { get; set; }
            }

            [Message(Endian.Little)]
            public partial struct DeviceStatus
            {
                [Field(0)] public Mode Mode;
                [Field(1)] public bool Online;
                [Field(2, Length = 4)] public ReadOnlyMemory<byte> Tag;
                [Field(3, Prefix = LengthPrefix.UInt16)] public ReadOnlyMemory<byte> Name;
                [Field(4)] public Point Position;
                [Field(5)] public Capabilities Capabilities;
                [Field(6, Prefix = LengthPrefix.UInt32)] public ReadOnlyMemory<byte> Payload;
            }
            """);

        Assert.Equal(new[] { "Devices.DeviceStatus.Message.g.cs", "Devices.Point.Message.g.cs" }, result.Sources.Select(s => s.HintName));
        Snapshot.Match(result.Source("Devices.DeviceStatus.Message.g.cs"));
    }

    [Fact]
    public void Messages_with_errors_and_messages_nesting_them_emit_nothing()
    {
        var result = Generate("""
            using System;
            using HyperRoute;

            [Message]
            public partial struct Broken
            {
                [Field(0)] public string Text;
                [Field(1)] public ReadOnlyMemory<byte> Bytes;
            }

            [Message]
            public partial struct Holder
            {
                [Field(0)] public Broken Inner;
            }

            [Message]
            public struct NotPartial
            {
                [Field(0)] public int Value;
            }

            [Message]
            public partial struct Fine
            {
                [Field(0)] public byte Value;
            }
            """);

        Assert.Equal("Fine.Message.g.cs", Assert.Single(result.Sources).HintName);
    }

    [Fact]
    public void Fields_named_like_the_generated_parameters_and_locals_still_compile()
    {
        var result = Generate("""
            using System;
            using HyperRoute;

            [Message]
            public partial struct Clash
            {
                [Field(0)] public int offset;
                [Field(1, Prefix = LengthPrefix.Byte)] public ReadOnlyMemory<byte> destination;
                [Field(2)] public bool written;
                [Field(3)] public long source;
                [Field(4)] public short message { get; set; }
                [Field(5)] public byte span;
                [Field(6)] public double field0;
                [Field(7)] public uint consumed;
            }
            """);

        Assert.Single(result.Sources);
    }

    [Fact]
    public void Broken_user_code_never_makes_the_generator_throw()
    {
        var compilation = CompilationFactory.Create("""
            using System;
            using HyperRoute;

            [Message((Endian)9)]
            public partial struct Odd
            {
                [Field] public int NoOrder;
                [Field("x")] public int WrongOrder;
                [Field(1)] public Missing Unresolved;
                [Field(2, Prefix = (LengthPrefix)3)] public ReadOnlyMemory<byte> BadPrefix;
                [Field(3, Length = -1)] public ReadOnlyMemory<byte> BadLength;
                [Field(4)] public int
            }

            [Message]
            public partial struct
            """);

        var result = GenerateFromBrokenCode(compilation);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.Sources);
    }
}
