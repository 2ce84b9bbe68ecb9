extern alias generator;

using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR0014: a member of a router named like one the generator declares on it.</summary>
public sealed class ReservedNameAnalyzerTests
{
    [Fact]
    public Task Members_named_like_the_generated_ones_are_reported_on_their_names()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                public static void {|HR0014:Dispatch|}() { }

                public static void {|HR0014:Dispatch|}(string path) { }

                public int {|HR0014:RoutePatterns|} => 0;

                public static string? {|HR0014:ParameterName|};

                public sealed class {|HR0014:HttpEndpoint|} { }

                private static class {|HR0014:HyperRouteDispatcher|} { }
            }
            """);
    }

    [Fact]
    public Task The_diagnostic_names_the_router_and_the_member_and_is_an_error()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                public static void {|#0:Dispatch|}() { }
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0014").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("Api", "Dispatch"));
    }

    [Fact]
    public Task Names_of_the_dispatchers_own_methods_and_members_of_other_types_report_nothing()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static int DispatchCore() => 200;

                public static int AllowedMethods() => 0;

                public static int MatchGetParameters() => 0;
            }

            public static class Client
            {
                public static void Dispatch() { }
            }
            """);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_generators_own_members_on_the_router_are_not_reported()
    {
        var result = GeneratorHarness.Run(new RouterGenerator(), CompilationFactory.Create("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public void Health() { }
            }
            """));
        Assert.NotEmpty(result.Sources);

        var diagnostics = await result.Output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouteAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }
}
