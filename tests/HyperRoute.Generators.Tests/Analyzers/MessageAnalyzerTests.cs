using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR3001–HR3005: [Message] declarations the generator cannot compile, reported where they are written.</summary>
public sealed class MessageAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using HyperRoute;

        """;

    [Fact]
    public async Task Supported_messages_report_nothing()
    {
        await CSharpAnalyzerVerifier<MessageAnalyzer>.VerifyAnalyzerAsync(Usings + """
            public enum Mode { A, B }

            [Message(Endian.Little)]
            public partial struct Inner { [Field(0)] public int X { get; set; } }

            [Message]
            public partial struct Outer
            {
                [Field(0)] public Mode Mode;
                [Field(1)] public bool Flag;
                [Field(2, Length = 4)] public ReadOnlyMemory<byte> Tag;
                [Field(3, Prefix = LengthPrefix.Byte)] public ReadOnlyMemory<byte> Name;
                [Field(4)] public Inner Inner;
                public string NotOnTheWire;
            }
            """);
    }

    [Fact]
    public async Task HR3001_field_types_without_a_layout_and_members_the_reader_cannot_assign()
    {
        await CSharpAnalyzerVerifier<MessageAnalyzer>.VerifyAnalyzerAsync(Usings + """
            public struct Plain { public int X; }
            public enum Empty { }

            [Message]
            public partial struct M
            {
                [Field(0)] public {|HR3001:string|} Text;
                [Field(1)] public {|HR3001:decimal|} Price;
                [Field(2)] public {|HR3001:Plain|} Point;
                [Field(3)] public {|HR3001:List<int>|} Items;
                [Field(4)] public readonly int {|HR3001:Fixed|};
                [Field(5)] public int {|HR3001:Computed|} => 1;
                [Field(6)] public int {|HR3001:InitOnly|} { get; init; }
                [Field(7)] public {|HR3001:Empty|} Nothing;
            }
            """);
    }

    [Fact]
    public async Task HR3002_duplicate_orders_are_reported_on_the_later_order()
    {
        await CSharpAnalyzerVerifier<MessageAnalyzer>.VerifyAnalyzerAsync(Usings + """
            [Message]
            public partial struct M
            {
                [Field(0)] public int A;
                [Field({|HR3002:0|})] public int B;
                [Field(1)] public int C;
                [Field({|HR3002:1|})] public int D;
            }
            """);
    }

    [Fact]
    public async Task HR3003_byte_strings_need_exactly_one_of_length_and_prefix_and_nothing_else_takes_them()
    {
        await CSharpAnalyzerVerifier<MessageAnalyzer>.VerifyAnalyzerAsync(Usings + """
            [Message]
            public partial struct M
            {
                [{|HR3003:Field(0)|}] public ReadOnlyMemory<byte> Neither;
                [{|HR3003:Field(1, Length = 4, Prefix = LengthPrefix.Byte)|}] public ReadOnlyMemory<byte> Both;
                [Field(2, {|HR3003:Length = 0|})] public ReadOnlyMemory<byte> Empty;
                [Field(3, {|HR3003:Length = 4|})] public int NotBytes;
                [Field(4, {|HR3003:Prefix = LengthPrefix.UInt16|})] public long AlsoNotBytes;
            }
            """);
    }

    [Fact]
    public async Task HR3004_messages_the_generator_cannot_add_to()
    {
        await CSharpAnalyzerVerifier<MessageAnalyzer>.VerifyAnalyzerAsync(Usings + """
            [Message]
            public struct {|HR3004:NotPartial|} { [Field(0)] public int X; }

            [Message]
            public partial struct {|HR3004:Generic|}<T> { [Field(0)] public int X; }

            public class Outer
            {
                [Message]
                public partial struct {|HR3004:Nested|} { [Field(0)] public int X; }
            }

            [Message]
            public readonly partial struct {|HR3004:ReadOnly|} { [Field(0)] public int {|HR3001:X|} { get; init; } }
            """);
    }

    [Fact]
    public async Task HR3005_messages_that_nest_themselves_directly_or_through_another()
    {
        // A struct field of its own type is also a compiler error (CS0523); properties with separate storage are not.
        await CSharpAnalyzerVerifier<MessageAnalyzer>.VerifyAnalyzerAsync(Usings + """
            [Message]
            public partial struct Node
            {
                private static Node s_next;
                [Field(0)] public {|HR3005:Node|} Next { get => s_next; set => s_next = value; }
            }

            [Message]
            public partial struct Ping
            {
                private static Pong s_pong;
                [Field(0)] public {|HR3005:Pong|} Pong { get => s_pong; set => s_pong = value; }
            }

            [Message]
            public partial struct Pong
            {
                private static Ping s_ping;
                [Field(0)] public {|HR3005:Ping|} Ping { get => s_ping; set => s_ping = value; }
            }
            """);
    }
}
