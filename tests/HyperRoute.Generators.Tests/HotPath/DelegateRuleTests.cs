using System.Linq;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>HR1003 (capturing lambdas and local functions) and HR1004 (delegates the compiler does not cache).</summary>
public sealed class DelegateRuleTests
{
    [Fact]
    public void A_capturing_lambda_is_reported_with_the_captured_names()
    {
        const string Source = """
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
                    F = x => x * factor + bias + _offset;
                }
            }
            """;
        var diagnostic = Assert.Single(HotPathRun.Diagnostics(CompilationFactory.Create(Source)));
        Assert.Equal("HR1003", diagnostic.Id);
        Assert.Equal("The lambda captures 'factor', 'bias', 'this': a closure and a delegate are allocated on every call", diagnostic.GetMessage());
    }

    [Fact]
    public void Capturing_lambdas_and_anonymous_methods_are_reported_on_the_function()
    {
        AnalyzerHarness.Verify<AllocationAnalyzer>("""
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
    public void Non_capturing_and_static_lambdas_and_static_method_groups_are_cached_and_only_the_non_static_lambdas_get_the_static_hint()
    {
        AnalyzerHarness.Verify<AllocationAnalyzer>("""
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
    public void Instance_method_groups_and_explicit_new_delegates_are_reported()
    {
        AnalyzerHarness.Verify<AllocationAnalyzer>("""
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
    public void A_capturing_local_function_is_reported_only_where_it_becomes_a_delegate()
    {
        AnalyzerHarness.Verify<AllocationAnalyzer>("""
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
    public void The_delegate_message_says_why_it_is_not_cached()
    {
        const string Source = """
            using System;
            using HyperRoute;

            public struct S
            {
                public static Action A = null!;
                private void Tick() { }

                [HotPath]
                public void M() => A = Tick;
            }
            """;
        var diagnostic = HotPathRun.Diagnostics(CompilationFactory.Create(Source)).Single(d => d.Id == "HR1004");
        Assert.Equal("The conversion to 'Action' allocates a new delegate on every call: 'Tick' is an instance method, and the struct it is bound to is boxed", diagnostic.GetMessage());
    }

    [Fact]
    public void A_static_method_group_is_reported_before_CSharp_11_and_not_after()
    {
        const string Source = """
            using System;
            using HyperRoute;

            public static class C
            {
                public static Func<string?, bool> F = null!;

                [HotPath]
                public static void M() => F = string.IsNullOrEmpty;
            }
            """;
        var latest = CompilationFactory.Create(Source);
        var tree = latest.SyntaxTrees.Single();
        var csharp10 = latest.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp10), tree.FilePath));

        Assert.Empty(HotPathRun.Diagnostics(latest));
        var diagnostic = Assert.Single(HotPathRun.Diagnostics(csharp10));
        Assert.Equal("HR1004", diagnostic.Id);
        Assert.Contains("cached only from C# 11 (this is C# 10.0)", diagnostic.GetMessage());
    }
}
