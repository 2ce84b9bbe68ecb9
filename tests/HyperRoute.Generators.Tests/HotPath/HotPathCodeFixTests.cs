using System.Threading.Tasks;
using Xunit;

using EmptyArrayFix = HyperRoute.Testing.CSharpCodeFixVerifier<HyperRoute.Analyzers.HotPath.AllocationAnalyzer, HyperRoute.Analyzers.CodeFixes.EmptyArrayCodeFix>;
using LambdaFix = HyperRoute.Testing.CSharpCodeFixVerifier<HyperRoute.Analyzers.HotPath.AllocationAnalyzer, HyperRoute.Analyzers.CodeFixes.MakeLambdaStaticCodeFix>;
using RangeSliceFix = HyperRoute.Testing.CSharpCodeFixVerifier<HyperRoute.Analyzers.HotPath.AllocationAnalyzer, HyperRoute.Analyzers.CodeFixes.RangeSliceCodeFix>;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>
/// The mechanical fixes for HR1001 (empty arrays), HR1011 (range slices) and HR1013 (lambdas that could be static).
/// Each is applied one diagnostic at a time and with Fix All in the document, the project and the solution, which
/// must fix every diagnostic in one pass.
/// </summary>
public sealed class HotPathCodeFixTests
{
    [Fact]
    public Task An_empty_array_becomes_Array_Empty()
    {
        return new EmptyArrayFix.Test
        {
            TestCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int[] None() => {|HR1001:new int[0]|};
                }
                """,
            FixedCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int[] None() => Array.Empty<int>();
                }
                """,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Without_using_System_the_fix_writes_the_global_name()
    {
        return new EmptyArrayFix.Test
        {
            TestCode = """
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static string[] None() => {|HR1001:new string[] { }|};
                }
                """,
            FixedCode = """
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static string[] None() => global::System.Array.Empty<string>();
                }
                """,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Two_empty_arrays_are_fixed_at_once()
    {
        return new EmptyArrayFix.Test
        {
            TestCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int[] None() => {|HR1001:new int[0]|};

                    [HotPath]
                    public static string[] Nothing() => {|HR1001:new string[] { }|};
                }
                """,
            FixedCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int[] None() => Array.Empty<int>();

                    [HotPath]
                    public static string[] Nothing() => Array.Empty<string>();
                }
                """,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task A_non_empty_array_is_offered_no_fix()
    {
        const string Source = """
            using HyperRoute;

            public static class C
            {
                [HotPath]
                public static int[] Some() => {|HR1001:new int[4]|};
            }
            """;

        return EmptyArrayFix.VerifyCodeFixAsync(Source, Source);
    }

    [Fact]
    public Task A_range_slice_of_an_array_becomes_a_span_slice()
    {
        return new RangeSliceFix.Test
        {
            TestCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Tail(int[] a) => {|HR1011:a[1..]|}.Length;
                }
                """,
            FixedCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Tail(int[] a) => a.AsSpan()[1..].Length;
                }
                """,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Two_range_slices_are_fixed_at_once()
    {
        return new RangeSliceFix.Test
        {
            TestCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Middle(int[] a) => {|HR1011:a[1..]|}.Length + {|HR1011:a[..^1]|}.Length;
                }
                """,
            FixedCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Middle(int[] a) => a.AsSpan()[1..].Length + a.AsSpan()[..^1].Length;
                }
                """,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task A_non_capturing_lambda_becomes_static()
    {
        return new LambdaFix.Test
        {
            TestCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Twice(int value) => Apply(value, {|HR1013:x => x * 2|});

                    private static int Apply(int value, Func<int, int> f) => f(value);
                }
                """,
            FixedCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Twice(int value) => Apply(value, static x => x * 2);

                    private static int Apply(int value, Func<int, int> f) => f(value);
                }
                """,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Two_non_capturing_lambdas_become_static_at_once()
    {
        return new LambdaFix.Test
        {
            TestCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Twice(int value) => Apply(value, {|HR1013:x => x * 2|}) + Apply(value, {|HR1013:(int x) => x + 1|});

                    private static int Apply(int value, Func<int, int> f) => f(value);
                }
                """,
            FixedCode = """
                using System;
                using HyperRoute;

                public static class C
                {
                    [HotPath]
                    public static int Twice(int value) => Apply(value, static x => x * 2) + Apply(value, static (int x) => x + 1);

                    private static int Apply(int value, Func<int, int> f) => f(value);
                }
                """,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }
}
