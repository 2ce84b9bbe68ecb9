using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR3006–HR3025 and HR2001–HR2003: [MessageRouter] declarations the generator cannot compile, reported where they are written.</summary>
public sealed class MessageRouterAnalyzerTests
{
    private const string Messages = """
        using System;
        using HyperRoute;

        public enum Kind : byte { Temperature = 1, Humidity = 2 }

        [Flags]
        public enum Bits : byte { None = 0, A = 1 }

        [Message]
        public partial struct Telemetry
        {
            [Field(0)] public ushort Kind;
            [Field(1)] public double Value;
            [Field(2)] public Kind Sort;
            [Field(3)] public Bits Bits;
            [Field(4)] public bool Flag;
            public int NotOnTheWire;
        }

        """;

    [Fact]
    public async Task Supported_routers_report_nothing()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class ByKind
            {
                [On(0), On(65535)] void Ends(in Telemetry message) { }
                [On(1)] static void One(Telemetry message) { }
                [Otherwise] static void Other(in Telemetry message) { }
            }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Sort))]
            public static partial class BySort
            {
                [On((long)Kind.Humidity)] static void Humidity(in Telemetry message) { }
            }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Bits))]
            public static partial class ByBits
            {
                [On(255)] static void All(in Telemetry message) { }
            }
            """);
    }

    [Fact]
    public async Task HR3006_a_router_of_a_type_that_is_not_a_message_struct()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            public struct Plain { public ushort Kind; }

            [MessageRouter({|HR3006:typeof(Plain)|}, "Kind")]
            public static partial class A { }

            [MessageRouter({|HR3006:typeof(string)|}, "Length")]
            public static partial class B { }
            """);
    }

    [Fact]
    public async Task HR3007_a_key_that_is_not_an_integer_or_enum_field()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), {|HR3007:nameof(Telemetry.Value)|})]
            public static partial class A { }

            [MessageRouter(typeof(Telemetry), {|HR3007:nameof(Telemetry.Flag)|})]
            public static partial class B { }

            [MessageRouter(typeof(Telemetry), {|HR3007:nameof(Telemetry.NotOnTheWire)|})]
            public static partial class C { }

            [MessageRouter(typeof(Telemetry), {|HR3007:"Missing"|})]
            public static partial class D { }
            """);
    }

    [Fact]
    public async Task HR3008_a_second_handler_for_a_key_value_is_reported_on_its_On()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [On(1)] static void First(in Telemetry message) { }
                [On(2), {|HR3008:On(1)|}] static void Second(in Telemetry message) { }
                [On(3), {|HR3008:On(3)|}] static void Third(in Telemetry message) { }
            }
            """);
    }

    [Fact]
    public async Task HR3009_values_out_of_the_range_of_the_key_or_not_members_of_its_enum()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [On({|HR3009:-1|}), On({|HR3009:65536|})] static void X(in Telemetry message) { }
            }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Sort))]
            public static partial class B
            {
                [On({|HR3009:3|}), On({|HR3009:256|})] static void X(in Telemetry message) { }
            }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Bits))]
            public static partial class C
            {
                [On({|HR3009:-1|})] static void X(in Telemetry message) { }
            }
            """);
    }

    [Fact]
    public async Task HR3010_handlers_that_are_not_void_taking_the_message()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                [On(1)] static int {|HR3010:Returns|}(in Telemetry message) => 1;
                [On(2)] static void {|HR3010:ByRef|}(ref Telemetry message) { }
                [On(3)] static void {|HR3010:Nothing|}() { }
                [On(4)] static void {|HR3010:Other|}(in int message) { }
                [On(5)] static void {|HR3010:Generic|}<T>(in Telemetry message) { }
                [On(6)] void {|HR3010:Two|}(in Telemetry message, int extra) { }
                [Otherwise] static bool {|HR3010:Fallback|}(Telemetry message) => false;
            }
            """);
    }

    [Fact]
    public async Task Async_handlers_taking_the_message_and_optionally_a_cancellation_token_report_nothing()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                [On(1)] static async System.Threading.Tasks.ValueTask ByValue(Telemetry message) => await System.Threading.Tasks.Task.Yield();
                [On(2)] async System.Threading.Tasks.ValueTask Cancellable(Telemetry message, System.Threading.CancellationToken cancellationToken) => await System.Threading.Tasks.Task.Delay(1, cancellationToken);
                [On(3)] static System.Threading.Tasks.ValueTask ByIn(in Telemetry message) => default;
                [On(4)] static void Synchronous(in Telemetry message) { }
                [Otherwise] static async System.Threading.Tasks.ValueTask Fallback(Telemetry message) => await System.Threading.Tasks.Task.Yield();
            }
            """);
    }

    [Fact]
    public async Task HR3010_async_handlers_of_another_task_type_or_with_other_parameters()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                [On(1)] static System.Threading.Tasks.Task {|HR3010:ATask|}(Telemetry message) => System.Threading.Tasks.Task.CompletedTask;
                [On(2)] static System.Threading.Tasks.ValueTask<bool> {|HR3010:WithResult|}(Telemetry message) => default;
                [On(3)] static System.Threading.Tasks.ValueTask {|HR3010:TokenFirst|}(System.Threading.CancellationToken cancellationToken, Telemetry message) => default;
                [On(4)] static System.Threading.Tasks.ValueTask {|HR3010:Extra|}(Telemetry message, int extra) => default;
                [On(5)] static void {|HR3010:SynchronousWithToken|}(Telemetry message, System.Threading.CancellationToken cancellationToken) { }
            }
            """);
    }

    [Fact]
    public async Task HR3025_a_span_parameter_of_an_async_handler_is_reported_on_the_parameter_with_what_to_take_instead()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(
            Messages + """
                [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
                public partial class A
                {
                    [On(1)] static System.Threading.Tasks.ValueTask Alarm(in Telemetry message, ReadOnlySpan<byte> {|#0:frame|}) => default;
                }
                """,
            CSharpAnalyzerVerifier<MessageRouterAnalyzer>.Diagnostic("HR3025").WithLocation(0).WithArguments(
                "The async handler 'Alarm' takes 'ReadOnlySpan<byte> frame', which cannot live across an await: take the message by value instead, "
                + "'ValueTask Alarm(Telemetry message)' (a copy, whose byte strings are ReadOnlyMemory<byte>), and a CancellationToken if it waits"));
    }

    [Fact]
    public async Task HR3011_every_Otherwise_after_the_first()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [Otherwise] static void First(in Telemetry message) { }
                [{|HR3011:Otherwise|}] static void Second(in Telemetry message) { }
                [{|HR3011:Otherwise|}] static void Third(in Telemetry message) { }
            }
            """);
    }

    [Fact]
    public async Task HR3012_routers_the_generator_cannot_add_to()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static class {|HR3012:NotPartial|} { }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class {|HR3012:Generic|}<T> { }

            public class Outer
            {
                [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
                public partial class {|HR3012:Inner|} { }
            }
            """);
    }

    [Fact]
    public async Task A_router_of_a_message_with_problems_of_its_own_is_left_to_the_message_diagnostics()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            [Message]
            public partial struct Broken { [Field(0)] public ushort Kind; [Field(1)] public string Text; }

            [MessageRouter(typeof(Broken), nameof(Broken.Kind))]
            public static partial class A
            {
                [On(1)] static void X(in Broken message) { }
            }
            """);
    }

    [Fact]
    public async Task Predicates_steps_and_several_predicated_handlers_of_one_value_report_nothing()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Steps + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            [Validate<KnownDevice>, Transform<Stamp>]
            public partial class Fine
            {
                double _limit = 1;

                [On(When = nameof(IsTest))] static void Test(in Telemetry message) { }
                [On(1, When = nameof(IsHigh)), On(2, When = nameof(IsHigh))] [Validate<KnownDevice>] void High(in Telemetry message) { }
                [On(1, When = nameof(IsTest2))] static void Test2(Telemetry message) { }
                [On(1)] [Transform<Stamp>] static void One(in Telemetry message) { }
                [Otherwise] [Transform<Stamp>] static void Other(in Telemetry message) { }

                static bool IsTest(in Telemetry message) => message.Flag;
                static bool IsTest2(Telemetry message) => message.Flag;
                bool IsHigh(in Telemetry message) => message.Value > _limit;
            }
            """);
    }

    [Fact]
    public async Task HR3008_allows_several_handlers_of_a_value_when_all_but_one_have_When()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [On(1, When = nameof(P))] static void First(in Telemetry message) { }
                [On(1)] static void Second(in Telemetry message) { }
                [{|HR3008:On(1)|}] static void Third(in Telemetry message) { }

                static bool P(in Telemetry message) => true;
            }
            """);
    }

    [Fact]
    public async Task HR3013_a_When_that_names_no_method_is_reported_on_the_When_argument()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                public static bool Property => true;

                [On(1, {|HR3013:When = "Missing"|})] static void X(in Telemetry message) { }
                [On(2, {|HR3013:When = nameof(Property)|})] static void Y(in Telemetry message) { }
                [On({|HR3013:When = ""|})] static void Z(in Telemetry message) { }
                [On(3, {|HR3013:When = null|})] static void W(in Telemetry message) { }
            }
            """);
    }

    [Fact]
    public async Task HR3014_a_When_that_names_overloads()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [On(1, {|HR3014:When = nameof(P)|})] static void X(in Telemetry message) { }

                static bool P(in Telemetry message) => true;
                static bool P(double value) => true;
            }
            """);
    }

    [Fact]
    public async Task HR3015_predicates_that_are_not_bool_taking_the_message()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [On(1, {|HR3015:When = nameof(Returns)|})] static void V1(in Telemetry message) { }
                [On(2, {|HR3015:When = nameof(ByRef)|})] static void V2(in Telemetry message) { }
                [On(3, {|HR3015:When = nameof(Other)|})] static void V3(in Telemetry message) { }
                [On(4, {|HR3015:When = nameof(Generic)|})] static void V4(in Telemetry message) { }
                [On({|HR3015:When = nameof(Two)|})] static void V5(in Telemetry message) { }

                static int Returns(in Telemetry message) => 1;
                static bool ByRef(ref Telemetry message) => true;
                static bool Other(in int message) => true;
                static bool Generic<T>(in Telemetry message) => true;
                static bool Two(in Telemetry message, int extra) => true;
            }
            """);
    }

    [Fact]
    public async Task HR3016_an_instance_predicate_on_a_router_whose_handlers_are_static()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                [On(1, {|HR3016:When = nameof(P)|})] static void X(in Telemetry message) { }
                [Otherwise] static void Y(in Telemetry message) { }

                bool P(in Telemetry message) => true;
            }
            """);
    }

    [Fact]
    public async Task HR3017_an_On_with_neither_value_nor_When()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [{|HR3017:On|}, {|HR3017:On()|}] static void X(in Telemetry message) { }
            }
            """);
    }

    [Fact]
    public async Task HR3018_an_On_after_the_same_predicate_on_every_path_to_it()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public static partial class A
            {
                [On(1, When = nameof(P))] static void First(in Telemetry message) { }
                [{|HR3018:On(1, When = nameof(P))|}] static void Again(in Telemetry message) { }
                [On(2, When = nameof(P))] static void OtherValue(in Telemetry message) { }
                [{|HR3018:On(3, When = nameof(Q))|}] static void BeforeKeyless(in Telemetry message) { }
                [On(When = nameof(Q))] static void Keyless(in Telemetry message) { }
                [{|HR3018:On(When = nameof(Q))|}] static void KeylessAgain(in Telemetry message) { }

                static bool P(in Telemetry message) => true;
                static bool Q(in Telemetry message) => true;
            }
            """);
    }

    [Fact]
    public async Task HR2001_to_HR2003_steps_on_a_router_or_handler_that_do_not_fit_the_message()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Steps + """
            public readonly struct Plain : IValidator<Telemetry> { public static ValidationResult Validate(in Telemetry value) => ValidationResult.Ok; }

            [Validator] public readonly partial struct OfInt : IValidator<int> { public static ValidationResult Validate(in int value) => ValidationResult.Ok; }

            [Transform] public readonly partial struct StampInt : ITransform<int> { public static void Transform(ref int value) { } }

            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            [Validate<{|HR2002:OfInt|}>]
            [Transform<{|HR2001:KnownDevice|}>]
            public static partial class A
            {
                [On(1)] [Validate<{|HR2001:Plain|}>] static void X(in Telemetry message) { }
                [Otherwise] [Transform<{|HR2003:StampInt|}>] [Validate<{|HR2001:Stamp|}>] [Validate<{|HR2002:OfInt|}>] static void Y(in Telemetry message) { }
            }
            """);
    }

    // Without the generator a partial [To] handler has no implementation part: each such CS8795 is marked where it falls.
    private const string Groups = """
        public sealed class Sink : HyperRoute.Messaging.Destinations.IFrameDestination
        {
            public HyperRoute.Messaging.Destinations.SendResult Send(ReadOnlySpan<byte> frame) => HyperRoute.Messaging.Destinations.SendResult.Sent;
        }

        """;

    [Fact]
    public async Task Supported_To_handlers_report_nothing()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Groups + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                HyperRoute.Messaging.RoundRobinGroup<Sink> Climate { get; } = null!;
                static HyperRoute.Messaging.ConsistentHashGroup<Sink> power = null!;

                [On(1)] [To(nameof(Climate))] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:ToClimate|}(in Telemetry message);
                [On(2)] [To(nameof(power), Key = nameof(Telemetry.Sort))] private static partial HyperRoute.Messaging.MessageOutcome {|CS8795:ToPower|}(Telemetry message);
                [Otherwise] [To(nameof(power), Key = nameof(Telemetry.Kind))] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Rest|}(in Telemetry message);
            }
            """);
    }

    [Fact]
    public async Task HR3019_a_To_group_that_names_no_field_or_property()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Groups + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                void Method() { }

                [On(1)] [To({|HR3019:"Missing"|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:X|}(in Telemetry message);
                [On(2)] [To({|HR3019:nameof(Method)|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Y|}(in Telemetry message);
                [On(3)] [To({|HR3019:""|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Z|}(in Telemetry message);
            }
            """);
    }

    [Fact]
    public async Task HR3020_a_To_member_that_is_not_a_group_of_frame_destinations()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Groups + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                Sink Single = new();
                HyperRoute.Messaging.RoundRobinGroup<string> Names = null!;
                HyperRoute.Messaging.RoundRobinGroup<Sink> WriteOnly { set { } }

                [On(1)] [To({|HR3020:nameof(Single)|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:X|}(in Telemetry message);
                [On(2)] [To({|HR3020:nameof(Names)|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Y|}(in Telemetry message);
                [On(3)] [To({|HR3020:nameof(WriteOnly)|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Z|}(in Telemetry message);
            }
            """);
    }

    [Fact]
    public async Task HR3021_an_instance_group_on_a_static_handler()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Groups + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                HyperRoute.Messaging.FailoverGroup<Sink> Alarms = null!;

                [On(1)] [To({|HR3021:nameof(Alarms)|})] private static partial HyperRoute.Messaging.MessageOutcome {|CS8795:X|}(in Telemetry message);
                [On(2)] [To(nameof(Alarms))] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Y|}(in Telemetry message);
            }
            """);
    }

    [Fact]
    public async Task HR3022_a_To_handler_with_a_body_not_partial_or_of_the_wrong_signature()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Groups + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                HyperRoute.Messaging.RoundRobinGroup<Sink> Climate = null!;

                [On(1)] [To(nameof(Climate))] HyperRoute.Messaging.MessageOutcome {|HR3022:Plain|}(in Telemetry message) => default;
                [On(2)] [To(nameof(Climate))] partial void {|HR3022:Void|}(in Telemetry message);
                [On(3)] [To(nameof(Climate))] private partial HyperRoute.Messaging.MessageOutcome {|HR3022:{|CS8795:Ref|}|}(ref Telemetry message);
                [On(4)] [To(nameof(Climate))] private partial int {|HR3022:{|CS8795:Number|}|}(in Telemetry message);
                [On(5)] [To(nameof(Climate))] private partial HyperRoute.Messaging.MessageOutcome {|HR3022:Bodied|}(in Telemetry message);
                private partial HyperRoute.Messaging.MessageOutcome Bodied(in Telemetry message) => default;
            }
            """);
    }

    [Fact]
    public async Task HR3023_a_To_key_that_is_not_an_integer_or_enum_field()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Groups + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                HyperRoute.Messaging.ConsistentHashGroup<Sink> Power = null!;

                [On(1)] [To(nameof(Power), {|HR3023:Key = nameof(Telemetry.Value)|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:X|}(in Telemetry message);
                [On(2)] [To(nameof(Power), {|HR3023:Key = nameof(Telemetry.NotOnTheWire)|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Y|}(in Telemetry message);
                [On(3)] [To(nameof(Power), {|HR3023:Key = "Nothing"|})] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Z|}(in Telemetry message);
                [On(4)] [To(nameof(Power), Key = nameof(Telemetry.Bits))] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Flags|}(in Telemetry message);
            }
            """);
    }

    [Fact]
    public async Task HR3024_To_on_a_method_that_is_not_a_handler()
    {
        await CSharpAnalyzerVerifier<MessageRouterAnalyzer>.VerifyAnalyzerAsync(Messages + Groups + """
            [MessageRouter(typeof(Telemetry), nameof(Telemetry.Kind))]
            public partial class A
            {
                HyperRoute.Messaging.RoundRobinGroup<Sink> Climate = null!;

                [{|HR3024:To(nameof(Climate))|}] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Stray|}(in Telemetry message);
                [On(1)] static void Handler(in Telemetry message) { }
            }

            public partial class NotARouter
            {
                HyperRoute.Messaging.RoundRobinGroup<Sink> Climate = null!;

                [{|HR3024:To(nameof(Climate))|}] private partial HyperRoute.Messaging.MessageOutcome {|CS8795:Stray|}(in Telemetry message);
            }
            """);
    }

    private const string Steps = """
        [Validator] public readonly partial struct KnownDevice : IValidator<Telemetry> { public static ValidationResult Validate(in Telemetry value) => ValidationResult.Ok; }

        [Transform] public readonly partial struct Stamp : ITransform<Telemetry> { public static void Transform(ref Telemetry value) { } }

        """;
}
