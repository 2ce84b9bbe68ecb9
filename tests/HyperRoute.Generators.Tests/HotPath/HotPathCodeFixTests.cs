using HyperRoute.Analyzers.CodeFixes;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>The mechanical fixes for HR1001 (empty arrays) and HR1011 (range slices).</summary>
public sealed class HotPathCodeFixTests
{
    [Fact]
    public void An_empty_array_becomes_Array_Empty()
    {
        CodeFixHarness.Verify<AllocationAnalyzer, EmptyArrayCodeFix>(
            "HR1001",
            """
            using System;
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int[] None() => new int[0];
            }
            """,
            """
            using System;
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int[] None() => Array.Empty<int>();
            }
            """);
    }

    [Fact]
    public void Without_using_System_the_fix_writes_the_global_name()
    {
        CodeFixHarness.Verify<AllocationAnalyzer, EmptyArrayCodeFix>(
            "HR1001",
            """
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static string[] None() => new string[] { };
            }
            """,
            """
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static string[] None() => global::System.Array.Empty<string>();
            }
            """);
    }

    [Fact]
    public void A_non_empty_array_is_offered_no_fix()
    {
        var titles = CodeFixHarness.OfferedTitles<AllocationAnalyzer, EmptyArrayCodeFix>(
            "HR1001",
            """
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int[] Some() => new int[4];
            }
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public void A_range_slice_of_an_array_becomes_a_span_slice()
    {
        CodeFixHarness.Verify<AllocationAnalyzer, RangeSliceCodeFix>(
            "HR1011",
            """
            using System;
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int Tail(int[] a) => a[1..].Length;
            }
            """,
            """
            using System;
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int Tail(int[] a) => a.AsSpan()[1..].Length;
            }
            """);
    }

    [Fact]
    public void A_non_capturing_lambda_becomes_static()
    {
        CodeFixHarness.Verify<AllocationAnalyzer, MakeLambdaStaticCodeFix>(
            "HR1013",
            """
            using System;
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int Twice(int value) => Apply(value, x => x * 2);

                private static int Apply(int value, Func<int, int> f) => f(value);
            }
            """,
            """
            using System;
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int Twice(int value) => Apply(value, static x => x * 2);

                private static int Apply(int value, Func<int, int> f) => f(value);
            }
            """);
    }
}
