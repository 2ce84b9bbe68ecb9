using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

using Verify = HyperRoute.Testing.CSharpAnalyzerVerifier<HyperRoute.Analyzers.HotPath.AllocationAnalyzer>;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>HR1003 (capturing lambdas and local functions) and HR1004 (delegates the compiler does not cache).</summary>
public sealed class DelegateRuleTests
{
    [Fact]
    public Task A_capturing_lambda_is_reported_with_the_captured_names()
    {
        return Verify.VerifyAnalyzerAsync(
            """
            using System;
            using HyperRoute;

            public sealed class C
            {
                public static Func<int, int> F = null!;
                private int _offset;

                [HotPath]
                public void M(int factor)
                {
                    var bias = 1;
                    F = {|#0:x => x * factor + bias + _offset|};
                }
            }
            """,
            Verify.Diagnostic("HR1003").WithLocation(0).WithArguments("The lambda", "'factor', 'bias', 'this'"));
    }

    [Fact]
    public async Task Capturing_lambdas_and_anonymous_methods_are_reported_on_the_function()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public static class C
            {
                public static Func<int> F = null!;

                [HotPath]
                public static void M(int x)
                {
                    F = {|HR1003:() => x|};
                    F = {|HR1003:delegate { return x; }|};
                }
            }
            """);
    }

    [Fact]
    public async Task Non_capturing_and_static_lambdas_and_static_method_groups_are_cached_and_only_the_non_static_lambdas_get_the_static_hint()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public static class C
            {
                public static Func<int, int> F = null!;
                public static Func<string, bool> G = null!;

                [HotPath]
                public static void M<T>()
                {
                    F = {|HR1013:x => x + 1|};
                    F = static x => x * 2;
                    G = string.IsNullOrEmpty;
                    Func<T?> d = {|HR1013:() => default|};
                    _ = d();
                }
            }
            """);
    }

    [Fact]
    public async Task Instance_method_groups_and_explicit_new_delegates_are_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public sealed class C
            {
                public static Func<int> F = null!;

                private int Value() => 1;
                private static int Static() => 2;

                [HotPath]
                public void M()
                {
                    F = {|HR1004:Value|};
                    F = {|HR1004:new Func<int>(Static)|};
                }
            }
            """);
    }

    [Fact]
    public async Task A_capturing_local_function_is_reported_only_where_it_becomes_a_delegate()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using HyperRoute;

            public static class C
            {
                public static Func<int> F = null!;
                public static int N;

                [HotPath]
                public static void M(int x)
                {
                    int Add() => x + 1;
                    N = Add();
                    F = {|HR1003:Add|};
                }
            }
            """);
    }

    [Fact]
    public Task The_delegate_message_says_why_it_is_not_cached()
    {
        return Verify.VerifyAnalyzerAsync(
            """
            using System;
            using HyperRoute;

            public struct S
            {
                public static Action A = null!;
                private void Tick() { }

                [HotPath]
                public void M() => A = {|#0:Tick|};
            }
            """,
            Verify.Diagnostic("HR1004").WithLocation(0).WithArguments("The conversion to 'Action'", "'Tick' is an instance method, and the struct it is bound to is boxed"));
    }

    private const string StaticMethodGroup = """
        using System;
        using HyperRoute;

        public static class C
        {
            public static Func<string?, bool> F = null!;

            [HotPath]
            public static void M() => F = {|#0:string.IsNullOrEmpty|};
        }
        """;

    [Fact]
    public async Task A_static_method_group_is_reported_before_CSharp_11_and_not_after()
    {
        await Verify.VerifyAnalyzerAsync(StaticMethodGroup);

        var csharp10 = new Verify.Test { TestCode = StaticMethodGroup, LanguageVersion = LanguageVersion.CSharp10 };
        csharp10.ExpectedDiagnostics.Add(Verify.Diagnostic("HR1004").WithLocation(0).WithArguments(
            "The conversion to 'Func<string?, bool>'",
            "method groups of static methods such as 'IsNullOrEmpty' are cached only from C# 11 (this is C# 10.0)"));
        await csharp10.RunAsync();
    }
}
