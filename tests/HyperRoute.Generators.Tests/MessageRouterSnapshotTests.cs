extern alias generator;

using System.Linq;
using HyperRoute.Testing;
using Xunit;

using MessageGenerator = generator::HyperRoute.Generators.MessageGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>[MessageRouter] classes compiled into a switch on the key; every test also asserts a clean compile and a fully cached re-run.</summary>
public sealed class MessageRouterSnapshotTests : GeneratorTestBase<MessageGenerator>
{
    [Fact]
    public void Static_router_switches_on_the_key_calls_each_handler_directly_and_falls_back_to_otherwise()
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

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class TelemetryRouter
            {
                [On(2)] static void Humidity(Telemetry message) { }
                [On(1)] static void Temperature(in Telemetry message) { }
                [On(7), On(8)] static void Battery(in Telemetry message) { }
                [Otherwise] static void Unknown(in Telemetry message) { }
            }
            """);

        Assert.Equal(2, result.Sources.Count);
        Snapshot.Match(result.Source("Sensors.TelemetryRouter.MessageRouter.g.cs"));
    }

    [Fact]
    public void Instance_router_on_an_enum_key_without_fallback_returns_unrouted_and_names_the_members()
    {
        var result = Generate("""
            using HyperRoute;

            namespace Devices;

            public enum Command : byte { Stop, Start, Reset = 9 }

            [Message(Endian.Little)]
            public partial struct Control
            {
                [Field(0)] public Command Command;
                [Field(1)] public int Argument;
            }

            public partial class Outer
            {
                [MessageRouter(typeof(Control), nameof(Control.Command))]
                public sealed partial class ControlRouter
                {
                    public int Count;

                    [On((long)Command.Start)] void Start(in Control message) => Count++;
                    [On((long)Command.Reset)] static void Reset(Control message) { }
                }
            }
            """);

        Assert.Equal(2, result.Sources.Count);
        Snapshot.Match(result.Source("Devices.Outer.ControlRouter.MessageRouter.g.cs"));
    }

    [Fact]
    public void Predicates_are_tested_before_the_switch_and_as_guarded_cases_ahead_of_each_value_s_plain_handler()
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

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class AlarmRouter
            {
                [On(When = nameof(IsTest))] static void Test(in Telemetry message) { }
                [On(3)] static void Pressure(in Telemetry message) { }
                [On(3, When = nameof(IsAlarm))] static void Alarm(in Telemetry message) { }
                [On(3, When = nameof(IsWarning)), On(4, When = nameof(IsWarning))] static void Warning(Telemetry message) { }
                [Otherwise] static void Unknown(in Telemetry message) { }

                static bool IsTest(in Telemetry message) => message.DeviceId == 999;
                static bool IsAlarm(in Telemetry message) => message.Value > 100;
                static bool IsWarning(Telemetry message) => message.Value > 50;
            }
            """);

        var source = result.Source("Sensors.AlarmRouter.MessageRouter.g.cs").Source;
        Snapshot.Match(result.Source("Sensors.AlarmRouter.MessageRouter.g.cs"));
        Assert.True(source.IndexOf("case 3 when", System.StringComparison.Ordinal) < source.IndexOf("case 3:", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_run_at_the_source_on_one_copy_and_at_the_destination_before_their_handler()
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

            [Validator] public readonly partial struct KnownDevice : IValidator<Telemetry> { public static ValidationResult Validate(in Telemetry value) => ValidationResult.Ok; }
            [Validator] public readonly partial struct InRange : IValidator<Telemetry> { public static ValidationResult Validate(in Telemetry value) => ValidationResult.Ok; }
            [Transform] public readonly partial struct Stamp : ITransform<Telemetry> { public static void Transform(ref Telemetry value) => value.Timestamp = 1; }
            [Transform] public readonly partial struct Calibrate : ITransform<Telemetry> { public static void Transform(ref Telemetry value) => value.Value += 0.5; }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            [Validate<KnownDevice>]
            [Transform<Stamp>]
            public static partial class StampedRouter
            {
                [On(1)] [Validate<InRange>] [Transform<Calibrate>] static void Temperature(in Telemetry message) { }
                [On(2)] static void Humidity(in Telemetry message) { }
            }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            [Validate<KnownDevice>]
            public static partial class CheckedRouter
            {
                [On(1)] [Transform<Calibrate>] [Validate<InRange>] static void Temperature(Telemetry message) { }
                [On(2)] [Validate<InRange>] static void Humidity(in Telemetry message) { }
                [Otherwise] [Transform<Calibrate>] static void Unknown(in Telemetry message) { }
            }
            """);

        Assert.Equal(new[] { "Sensors.CheckedRouter.MessageRouter.g.cs", "Sensors.StampedRouter.MessageRouter.g.cs", "Sensors.Telemetry.Message.g.cs" }, result.Sources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        Snapshot.Match(new[] { result.Source("Sensors.StampedRouter.MessageRouter.g.cs"), result.Source("Sensors.CheckedRouter.MessageRouter.g.cs") });
    }

    [Fact]
    public void An_instance_router_gets_a_frame_handler_over_its_instance_with_an_instance_predicate()
    {
        var result = Generate("""
            using HyperRoute;

            namespace Sensors;

            [Message(Endian.Little)]
            public partial struct Reading
            {
                [Field(0)] public byte Kind;
                [Field(1)] public float Value;
            }

            [MessageRouter(typeof(Reading), nameof(Reading.Kind))]
            public sealed partial class ThresholdRouter
            {
                public float Threshold = 10;

                [On(1, When = nameof(IsHot))] void Hot(in Reading message) { }
                [On(1)] static void Normal(in Reading message) { }

                bool IsHot(in Reading message) => message.Value > Threshold;
            }
            """);

        Snapshot.Match(result.Source("Sensors.ThresholdRouter.MessageRouter.g.cs"));
    }

    [Fact]
    public void Routers_with_errors_emit_nothing_and_a_message_with_byte_strings_gets_no_TryRoute()
    {
        var result = Generate("""
            using System;
            using HyperRoute;

            [Message]
            public partial struct Named
            {
                [Field(0)] public byte Kind;
                [Field(1, Prefix = LengthPrefix.Byte)] public ReadOnlyMemory<byte> Name;
            }

            [MessageRouter(typeof(Named), nameof(Named.Kind))]
            public partial class Fine
            {
                [On(1)] public static void One(in Named message) { }
            }

            [MessageRouter(typeof(Named), nameof(Named.Kind))]
            public partial class Duplicate
            {
                [On(1)] public static void One(in Named message) { }
                [On(1)] public static void Again(in Named message) { }
            }

            [MessageRouter(typeof(Named), nameof(Named.Name))]
            public partial class BadKey
            {
                [On(1)] public static void One(in Named message) { }
            }

            [MessageRouter(typeof(Named), nameof(Named.Kind))]
            public partial class BadHandler
            {
                [On(1)] public static int One(in Named message) => 1;
            }
            """);

        Assert.Equal(new[] { "Fine.MessageRouter.g.cs", "Named.Message.g.cs" }, result.Sources.Select(s => s.HintName));
        Assert.DoesNotContain("TryRoute", result.Sources[0].Source);
        Assert.DoesNotContain("FrameHandler", result.Sources[0].Source);
        Assert.Contains("static bool Messaging::IMessage<global::Named>.TryRead(\n        System::ReadOnlySpan<byte> source,", result.Sources[1].Source);
    }

    [Fact]
    public void Broken_router_declarations_never_make_the_generator_throw()
    {
        var compilation = CompilationFactory.Create("""
            using HyperRoute;

            [Message] public partial struct M { [Field(0)] public int Kind; }

            [MessageRouter(typeof(Missing), "Kind")] public partial class A { [On(1)] static void X(in M m) { } }
            [MessageRouter(typeof(M))] public partial class B { }
            [MessageRouter(typeof(M), null)] public partial class C { [On] static void X(in M m) { } }
            [MessageRouter(typeof(M), "Kind")] public partial class D { [On("x")] static void X(in M m) { } [Otherwise] void Y() { } }
            [MessageRouter(typeof(M), "Kind")] public partial class E<T> { [On(1)] static void X(in M m) { } }
            [MessageRouter(typeof(M), "Kind")] public partial class F { [On(1)] static void X(in Missing m) { } }
            [MessageRouter(typeof(int), "Kind")] public partial class G { }
            [MessageRouter(typeof(M), "Kind")] public partial class H { [On(When = null)] static void X(in M m) { } [On(1, When = "")] static void Y(in M m) { } }
            [MessageRouter(typeof(M), "Kind")] public partial class I { [On(When = nameof(P))] static void X(in M m) { } static bool P(in Missing m) => true; [Validate<Missing>] [On(2)] static void Z(in M m) { } }
            [MessageRouter(typeof(M), "Kind")] [Transform<int>] public partial class J { [On(1, When = nameof(J))] static void X(in M m) { } }
            [MessageRouter(typeof(M), "Kind")] public partial class
            """);

        var result = GenerateFromBrokenCode(compilation);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(new[] { "M.Message.g.cs" }, result.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void To_handlers_forward_in_place_to_their_groups_with_the_key_bytes_after_their_steps()
    {
        var result = Generate("""
            using System;
            using HyperRoute;
            using HyperRoute.Messaging;
            using HyperRoute.Messaging.Destinations;

            namespace Sensors;

            [Message]
            public partial struct Telemetry
            {
                [Field(0)] public ushort Kind;
                [Field(1)] public uint DeviceId;
                [Field(2)] public double Value;
                [Field(3)] public long Timestamp;
            }

            public sealed class Sink : IFrameDestination
            {
                public SendResult Send(ReadOnlySpan<byte> frame) => SendResult.Sent;
            }

            [Validator] public readonly partial struct Fresh : IValidator<Telemetry> { public static ValidationResult Validate(in Telemetry value) => value.Timestamp > 0 ? ValidationResult.Ok : ValidationResult.Fail("stale"u8); }
            [Transform] public readonly partial struct Stamp : ITransform<Telemetry> { public static void Transform(ref Telemetry value) => value.Timestamp = 1; }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public sealed partial class TelemetryRouter
            {
                public required FailoverGroup<Sink> Alarms { get; init; }
                public required RoundRobinGroup<Sink> Climate { get; init; }
                public required ConsistentHashGroup<Sink> Power { get; init; }

                [On(When = nameof(IsAlarm))]
                [Validate<Fresh>]
                [Transform<Stamp>]
                [To(nameof(Alarms))]
                private partial MessageOutcome Alarm(in Telemetry reading);

                [On(1), On(2)]
                [To(nameof(Climate))]
                private partial MessageOutcome ToClimate(Telemetry reading);

                [On(7), On(8)]
                [To(nameof(Power), Key = nameof(Telemetry.DeviceId))]
                private partial MessageOutcome ToPower(in Telemetry reading);

                [Otherwise] static void Unknown(in Telemetry message) { }

                static bool IsAlarm(in Telemetry message) => message.Value > 100;
            }
            """);

        Snapshot.Match(result.Source("Sensors.TelemetryRouter.MessageRouter.g.cs"));
    }

    [Fact]
    public void Async_handlers_make_Route_a_ValueTask_completed_at_once_for_synchronous_ones_and_the_frame_handler_suspends_pending_ones()
    {
        var result = Generate("""
            using System.Threading;
            using System.Threading.Tasks;
            using HyperRoute;

            namespace Sensors;

            [Message]
            public partial struct Telemetry
            {
                [Field(0)] public ushort Kind;
                [Field(1)] public uint DeviceId;
                [Field(2)] public double Value;
            }

            [Validator] public readonly partial struct InRange : IValidator<Telemetry> { public static ValidationResult Validate(in Telemetry value) => value.Value < 1000 ? ValidationResult.Ok : ValidationResult.Fail("out of range"u8); }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class TelemetryRouter
            {
                [On(1)] static void Temperature(in Telemetry message) { }
                [On(2)] [Validate<InRange>] static async ValueTask Alarm(Telemetry message, CancellationToken cancellationToken) => await Task.Delay(1, cancellationToken);
                [On(3)] static ValueTask Pressure(in Telemetry message) => default;
                [Otherwise] static async ValueTask Unknown(Telemetry message) => await Task.Yield();
            }
            """);

        Assert.Equal(2, result.Sources.Count);
        Snapshot.Match(result.Source("Sensors.TelemetryRouter.MessageRouter.g.cs"));
    }

    [Fact]
    public void An_instance_router_with_an_async_handler_returns_its_forwards_and_refusals_as_completed_tasks()
    {
        var result = Generate("""
            using System;
            using System.Threading.Tasks;
            using HyperRoute;
            using HyperRoute.Messaging;
            using HyperRoute.Messaging.Destinations;

            namespace Sensors;

            [Message]
            public partial struct Telemetry
            {
                [Field(0)] public ushort Kind;
                [Field(1)] public uint DeviceId;
                [Field(2)] public double Value;
            }

            public sealed class Sink : IFrameDestination
            {
                public SendResult Send(ReadOnlySpan<byte> frame) => SendResult.Sent;
            }

            [Validator] public readonly partial struct Known : IValidator<Telemetry> { public static ValidationResult Validate(in Telemetry value) => value.DeviceId != 0 ? ValidationResult.Ok : ValidationResult.Fail("unknown"u8); }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            [Validate<Known>]
            public sealed partial class TelemetryRouter
            {
                public required ConsistentHashGroup<Sink> Power { get; init; }

                [On(1)] async ValueTask Store(Telemetry reading) => await Task.Yield();

                [On(7)]
                [To(nameof(Power), Key = nameof(Telemetry.DeviceId))]
                private partial MessageOutcome ToPower(in Telemetry reading);
            }
            """);

        Snapshot.Match(result.Source("Sensors.TelemetryRouter.MessageRouter.g.cs"));
    }

    [Fact]
    public void A_static_router_forwards_to_static_groups_with_little_endian_enum_and_byte_keys()
    {
        var result = Generate("""
            using System;
            using HyperRoute;
            using HyperRoute.Messaging;
            using HyperRoute.Messaging.Destinations;

            namespace Devices;

            public enum Region : short { North = 1, South = 2 }

            [Message(Endian.Little)]
            public partial struct Control
            {
                [Field(0)] public byte Command;
                [Field(1)] public Region Region;
                [Field(2)] public sbyte Zone;
            }

            public sealed class Sink : IFrameDestination
            {
                public SendResult Send(ReadOnlySpan<byte> frame) => SendResult.Sent;
            }

            [MessageRouter(typeof(Control), nameof(Control.Command))]
            public static partial class ControlRouter
            {
                public static ConsistentHashGroup<Sink> ByRegion = null!;
                private static readonly LeastInFlightGroup<Sink> byZone = null!;

                [On(1)] [To(nameof(ByRegion), Key = nameof(Control.Region))]
                public static partial MessageOutcome Regional(in Control key);

                [Otherwise] [To(nameof(byZone), Key = nameof(Control.Zone))]
                internal static partial MessageOutcome Zoned(Control message);
            }
            """);

        Snapshot.Match(result.Source("Devices.ControlRouter.MessageRouter.g.cs"));
    }

    [Theory]
    [InlineData("[To(nameof(Missing))] private partial MessageOutcome X(in Telemetry m);")]
    [InlineData("[To(nameof(Climate), Key = nameof(Telemetry.Value))] private partial MessageOutcome X(in Telemetry m);")]
    [InlineData("[To(nameof(Climate))] private MessageOutcome X(in Telemetry m) => default;")]
    [InlineData("[To(nameof(Climate))] private static partial MessageOutcome X(in Telemetry m);")]
    [InlineData("[To(nameof(Climate))] private partial MessageOutcome X(ref Telemetry m);")]
    public void A_broken_To_handler_drops_its_router_without_throwing(string handler)
    {
        var compilation = CompilationFactory.Create("""
            using System;
            using HyperRoute;
            using HyperRoute.Messaging;
            using HyperRoute.Messaging.Destinations;

            [Message]
            public partial struct Telemetry
            {
                [Field(0)] public ushort Kind;
                [Field(1)] public double Value;
            }

            public sealed class Sink : IFrameDestination
            {
                public SendResult Send(ReadOnlySpan<byte> frame) => SendResult.Sent;
            }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class Router
            {
                RoundRobinGroup<Sink> Climate = null!;

                [On(1)]
            """ + handler + "\n}\n");

        var result = GenerateFromBrokenCode(compilation);

        Assert.Empty(result.GeneratorDiagnostics); // a generator exception would surface here
        Assert.Equal("Telemetry.Message.g.cs", Assert.Single(result.Sources).HintName);
    }
}
