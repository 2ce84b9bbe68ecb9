using System.Threading.Tasks;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>HR1001 (explicit allocations), HR1010 (<c>with</c> on record classes), HR1011 (range slices).</summary>
public sealed class CreationRuleTests
{
    [Fact]
    public async Task New_class_array_anonymous_object_and_target_typed_new_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using HyperRoute;

            public static class C
            {
                public static object O = null!;

                [HotPath]
                public static void M()
                {
                    O = {|HR1001:new List<int>()|};
                    O = {|HR1001:new int[4]|};
                    O = {|HR1001:new { A = 1 }|};
                    List<int> list = {|HR1001:new()|};
                    O = list;
                }
            }
            """);
    }

    [Fact]
    public async Task Collection_expressions_to_arrays_lists_and_interfaces_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using HyperRoute;

            public static class C
            {
                public static object O = null!;

                [HotPath]
                public static void M(int x)
                {
                    int[] array = {|HR1001:[1, x]|};
                    IEnumerable<int> sequence = {|HR1001:[x]|};
                    List<int> list = {|HR1001:[]|};
                    O = array;
                    O = sequence;
                    O = list;
                }
            }
            """);
    }

    [Fact]
    public async Task Spans_empty_arrays_structs_and_throws_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public struct Point { public int X; public Point(int x) { X = x; } }

            public static class C
            {
                public static int N;

                [HotPath]
                public static void M(int x)
                {
                    Span<int> span = [1, x];
                    int[] empty = [];
                    var point = new Point(x);
                    N = span.Length + empty.Length + point.X;
                    if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), "negative");
                }
            }
            """);
    }

    [Fact]
    public async Task Code_outside_hot_members_and_attribute_arguments_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.ComponentModel;
            using HyperRoute;

            public static class C
            {
                public static object O = null!;

                public static void Cold() => O = new object();

                [HotPath]
                [Description("hot")]
                public static void Hot() => O = null!;
            }
            """);
    }

    [Fact]
    public async Task New_T_is_reported_unless_T_is_a_struct()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            public static class C
            {
                public static object O = null!;

                [HotPath]
                public static T Class<T>() where T : class, new() => {|HR1001:new T()|};

                [HotPath]
                public static T Struct<T>() where T : struct => new T();
            }
            """);
    }

    [Fact]
    public async Task With_on_a_record_class_is_reported_and_on_a_record_struct_is_not()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            public sealed record Person(string Name, int Age);
            public readonly record struct Size(int Width, int Height);

            public static class C
            {
                [HotPath]
                public static Person Older(Person p) => {|HR1010:p with { Age = p.Age + 1 }|};

                [HotPath]
                public static Size Wider(Size s) => s with { Width = s.Width + 1 };
            }
            """);
    }

    [Fact]
    public async Task Range_on_an_array_or_string_is_reported_and_on_a_span_is_not()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int[] Tail(int[] a) => {|HR1011:a[1..]|};

                [HotPath]
                public static string Rest(string s) => {|HR1011:s[1..]|};

                [HotPath]
                public static int SpanTail(int[] a) => a.AsSpan()[1..].Length;
            }
            """);
    }
}
