using System.Threading.Tasks;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>HR1006 (strings built on the hot path) and HR1007 (enumerators on the heap).</summary>
public sealed class StringAndEnumerationRuleTests
{
    [Fact]
    public async Task Concatenation_compound_concatenation_and_interpolation_into_a_string_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            public static class C
            {
                public static string S = "";

                [HotPath]
                public static void M(string name, int id)
                {
                    S = {|HR1006:"user " + name + "!"|};
                    {|HR1006:S += name|};
                    S = {|HR1006:$"user {id}"|};
                }
            }
            """);
    }

    [Fact]
    public async Task Constant_strings_and_interpolation_into_a_TryWrite_handler_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public static class C
            {
                public static string S = "";
                public static bool B;
                private const string Name = "a";

                [HotPath]
                public static void M(Span<char> destination, int id)
                {
                    S = Name + "." + nameof(String);
                    S = $"{Name}!";
                    B = destination.TryWrite($"user {id}", out _);
                }
            }
            """);
    }

    [Fact]
    public async Task Foreach_over_an_interface_and_methods_returning_interface_enumerators_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using HyperRoute;

            public static class C
            {
                public static int N;

                [HotPath]
                public static void M(IEnumerable<int> items, IList<int> list, int[] array)
                {
                    foreach (var i in {|HR1007:items|}) N += i;
                    foreach (var i in {|HR1007:list|}) N += i;
                    var e = {|HR1007:((IEnumerable<int>)array).GetEnumerator()|};
                    while (e.MoveNext()) N += e.Current;
                }
            }
            """);
    }

    [Fact]
    public async Task Foreach_over_arrays_strings_lists_and_spans_is_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using HyperRoute;

            public static class C
            {
                public static int N;

                [HotPath]
                public static void M(int[] array, string text, List<int> list, ReadOnlySpan<byte> span)
                {
                    foreach (var i in array) N += i;
                    foreach (var c in text) N += c;
                    foreach (var i in list) N += i;
                    foreach (var b in span) N += b;
                }
            }
            """);
    }

    [Fact]
    public async Task Foreach_converting_value_elements_to_object_boxes()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            public static class C
            {
                public static object O = null!;

                [HotPath]
                public static void M(int[] array)
                {
                    foreach ({|HR1002:object|} o in array) O = o;
                }
            }
            """);
    }
}
