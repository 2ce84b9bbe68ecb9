using System.Threading.Tasks;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>HR1005 (params arrays), HR1008 (LINQ) and HR1009 (BCL methods known to allocate).</summary>
public sealed class CallRuleTests
{
    [Fact]
    public async Task Params_arrays_and_non_span_params_collections_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using HyperRoute;

            public static class C
            {
                public static int N;
                static int Sum(params int[] values) => values.Length;
                static int Count(params List<int> values) => values.Count;

                [HotPath]
                public static void M()
                {
                    N = {|HR1005:Sum(1, 2)|};
                    N = {|HR1005:Count(1, 2)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Params_without_arguments_and_span_params_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public static class C
            {
                public static int N;
                static int Sum(params int[] values) => values.Length;
                static int SpanSum(params ReadOnlySpan<int> values) => values.Length;

                [HotPath]
                public static void M()
                {
                    N = Sum();
                    N = SpanSum(1, 2, 3);
                }
            }
            """);
    }

    [Fact]
    public async Task Linq_calls_and_query_clauses_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using HyperRoute;

            public static class C
            {
                public static int N;

                [HotPath]
                public static void M(IEnumerable<int> data)
                {
                    N = {|HR1008:data.Count(static x => x > 1)|};
                    N = {|HR1008:{|HR1008:data.Select(static x => x * 2)|}.ToArray()|}.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task Known_allocating_BCL_methods_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using HyperRoute;

            public static class C
            {
                public static object O = null!;

                [HotPath]
                public static void M(int i, string s)
                {
                    O = {|HR1009:i.ToString()|};
                    O = {|HR1009:s.Substring(1)|};
                    O = {|HR1009:s.Split(',')|};
                    O = {|HR1009:string.Format("{0}", s)|};
                    O = {|HR1009:Task.FromResult(i)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Cached_ToString_and_span_overloads_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using System.Text;
            using HyperRoute;

            public static class C
            {
                public static object O = null!;
                public static int N;

                [HotPath]
                public static void M(string s, bool b, Span<byte> destination)
                {
                    O = s.ToString();
                    O = b.ToString();
                    O = 42.ToString();
                    N = Encoding.UTF8.GetBytes(s, destination);
                }
            }
            """);
    }

    [Fact]
    public async Task A_task_that_an_async_method_awaits_is_not_reported_but_one_it_keeps_is()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using HyperRoute;

            public static class C
            {
                public static object O = null!;

                [HotPath]
                public static async ValueTask M(int ms, CancellationToken token)
                {
                    await Task.Delay(ms, token);
                    await Task.Delay(ms).ConfigureAwait(false);
                    await new ValueTask(Task.Delay(ms));
                    O = {|HR1009:Task.Delay(ms)|};
                }
            }
            """);
    }
}
