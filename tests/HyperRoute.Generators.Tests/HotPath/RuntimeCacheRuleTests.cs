using System.Threading.Tasks;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>
/// What .NET 8–10 stopped allocating and a static rule can know (measured in <c>Corpus/alloc-cases-net10.json</c>):
/// LINQ answered from the source's shape, cached tasks, cached strings, omitted conditional calls, folded boxes.
/// </summary>
public sealed class RuntimeCacheRuleTests
{
    [Fact]
    public async Task Linq_calls_answered_by_an_array_list_or_collection_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using HyperRoute;

            public static class C
            {
                public static long N;
                public static object? O;

                [HotPath]
                public static void M(int[] array, List<long> list, HashSet<int> set, IList<int> indexed)
                {
                    N = array.Any() ? 1 : 0;
                    N = set.Count() + list.Count() + (set.Contains(3) ? 1 : 0);
                    N = array.First() + list.LastOrDefault() + indexed.ElementAt(2) + indexed.Last();
                    N = array.Sum() + list.Max() + array.Min();
                    N = array.SequenceEqual(array) ? 1 : 0;
                    N = array.Count(static x => x > 2) + (list.Any(static x => x > 2) ? 1 : 0) + (array.All(static x => x > 0) ? 1 : 0);
                    N = array.First(static x => x > 4);
                    O = Enumerable.Empty<int>();
                }
            }
            """);
    }

    [Fact]
    public async Task Linq_calls_that_enumerate_or_see_only_an_IEnumerable_are_still_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using HyperRoute;

            public static class C
            {
                public static int N;

                [HotPath]
                public static void M(IEnumerable<int> sequence, HashSet<int> set, List<string> names, int[] array)
                {
                    N = {|HR1008:sequence.Count()|};
                    N = {|HR1008:set.First()|};
                    N = {|HR1008:names.Max()|}!.Length;
                    N = {|HR1008:set.Any(static x => x > 1)|} ? 1 : 0;
                    N = {|HR1008:array.Contains(3, EqualityComparer<int>.Default)|} ? 1 : 0;
                    N = {|HR1008:{|HR1008:Enumerable.Range(0, 3)|}.Count()|};
                }
            }
            """);
    }

    [Fact]
    public async Task Task_FromResult_of_a_cached_result_is_not_reported_and_of_another_is()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using HyperRoute;

            public static class C
            {
                public static object? O;

                [HotPath]
                public static void M(bool flag, int i)
                {
                    O = Task.FromResult(flag);
                    O = Task.FromResult(8);
                    O = Task.FromResult(-1);
                    O = Task.FromResult(0L);
                    O = Task.FromResult<string?>(null);
                    O = {|HR1009:Task.FromResult(9)|};
                    O = {|HR1009:Task.FromResult(i)|};
                    O = {|HR1009:Task.FromResult("x")|};
                }
            }
            """);
    }

    [Fact]
    public async Task Async_Task_and_async_Task_of_a_cached_result_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using HyperRoute;

            public static class C
            {
                static int s_n;

                [HotPath]
                public static async Task Tick() { if (s_n < 0) await Task.Yield(); s_n++; }

                [HotPath]
                public static async Task<bool> IsPositive() { if (s_n < 0) await Task.Yield(); return s_n > 0; }

                [HotPath]
                public static async Task<int> Status()
                {
                    if (s_n < 0) await Task.Yield();
                    Func<int> ignored = static () => 1000; // a lambda's return is not the method's
                    return s_n > 0 ? 1 : 0;
                }
            }
            """);
    }

    [Fact]
    public async Task Async_Task_of_a_result_the_runtime_does_not_cache_is_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using HyperRoute;

            public static class C
            {
                static int s_n;

                [HotPath]
                public static async Task<int> {|HR1012:Next|}() { if (s_n < 0) await Task.Yield(); return ++s_n; }

                [HotPath]
                public static async Task<int> {|HR1012:Large|}() { if (s_n < 0) { await Task.Yield(); return 0; } return 1000; }
            }
            """);
    }

    [Fact]
    public async Task Byte_ToString_is_cached_and_char_ToString_is_not()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            public static class C
            {
                public static string? S;

                [HotPath]
                public static void M(byte b, char c)
                {
                    S = b.ToString();
                    S = {|HR1009:c.ToString()|};
                }
            }
            """);
    }

    [Fact]
    public async Task Arguments_of_a_conditional_call_without_its_symbol_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Diagnostics;
            using HyperRoute;

            public static class C
            {
                [Conditional("HOT_TRACE")]
                static void Trace(string message, object value) { }

                [HotPath]
                public static void M(string s, int i)
                {
                    Debug.WriteLine("value " + s);
                    Debug.Assert(s.Length > 0, "bad " + s);
                    Trace("i = " + s, i);
                }
            }
            """);
    }

    [Fact]
    public async Task Arguments_of_a_conditional_call_whose_symbol_is_defined_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            #define HOT_TRACE
            using System.Diagnostics;
            using HyperRoute;

            public static class C
            {
                [Conditional("HOT_TRACE")]
                static void Trace(string message) { }

                [HotPath]
                public static void M(string s) => Trace({|HR1006:"value " + s|});
            }
            """);
    }

    [Fact]
    public async Task A_type_parameter_compared_with_null_is_not_reported_as_boxing()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            public static class C
            {
                public static object? O;

                [HotPath]
                public static bool IsNull<T>(T value) => value == null || null != value && value is null;

                [HotPath]
                public static void Keep<T>(T value) => O = {|HR1002:value|};
            }
            """);
    }
}
