using System.Threading.Tasks;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>HR1002: boxing conversions and constrained calls that box.</summary>
public sealed class BoxingRuleTests
{
    [Fact]
    public async Task Value_types_converted_to_object_interface_ValueType_or_Enum_are_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public enum Color { Red }

            public static class C
            {
                public static object O = null!;
                public static IComparable I = null!;
                public static ValueType V = null!;
                public static Enum E = null!;

                [HotPath]
                public static void M(int i, int? maybe, (int, int) pair)
                {
                    O = {|HR1002:i|};
                    O = {|HR1002:maybe|};
                    O = {|HR1002:pair|};
                    I = {|HR1002:i|};
                    V = {|HR1002:i|};
                    E = {|HR1002:Color.Red|};
                    O = {|HR1002:(object)i|};
                }
            }
            """);
    }

    [Fact]
    public async Task A_struct_without_overrides_boxes_on_GetHashCode_and_Equals()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            public struct Plain { public int X; }
            public struct Overriding { public int X; public override int GetHashCode() => X; }

            public static class C
            {
                public static int N;

                [HotPath]
                public static void M(Plain plain, Overriding overriding)
                {
                    N = {|HR1002:plain.GetHashCode()|};
                    N = overriding.GetHashCode();
                }
            }
            """);
    }

    [Fact]
    public async Task HasFlag_reference_conversions_and_constrained_generics_are_not_reported()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using HyperRoute;

            public static class C
            {
                public static object O = null!;
                public static bool B;

                [HotPath]
                public static void M(FileAttributes attributes, string text)
                {
                    B = attributes.HasFlag(FileAttributes.Directory);
                    O = text;
                }

                [HotPath]
                public static int Compare<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b);
            }
            """);
    }

    [Fact]
    public async Task Value_operands_of_a_string_concatenation_are_not_boxed()
    {
        await CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public static class C
            {
                public static string S = "";

                [HotPath]
                public static void M(string name, char c, DateTime when)
                {
                    S = {|HR1006:name + c + when|};
                    {|HR1006:S += c|};
                }
            }
            """);
    }
}
