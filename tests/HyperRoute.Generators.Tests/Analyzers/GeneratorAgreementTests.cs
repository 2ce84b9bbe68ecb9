extern alias generator;

using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using RouterSpec = generator::HyperRoute.Generators.Routing.RouterSpec;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>The analyzer reports exactly the routes the generator leaves out: no silent skips, no false alarms.</summary>
public sealed class GeneratorAgreementTests
{
    [Fact]
    public void Handlers_the_generator_skips_are_exactly_the_handlers_reported()
    {
        var source = """
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /bad/{id:foo}")]
                public static string InvalidTemplateFirst(int id) => "";

                [Route("GET /generic")]
                public static string GenericFirst<T>() => "";

                [Route("POST /ping")]
                public static void Ping() { }

                [Route("GET /health")]
                public static int Health() => 200;

                [Route("GET /users/{id:int}")]
                public static int GetUser(int id, int page = 1) => 200;

                [Route("GET /version")]
                public static int ServiceParameter(IServiceProvider services) => 200;

                [Route("GET /orders/{id:guid}")]
                public static int UnboundSegment(Guid orderId) => 200;

                [Route("GET /search")]
                public static int UnsupportedType(DateTime since) => 200;

                [Route("GET /posts/{page?}")]
                public static int RequiredOptional(int page) => 200;

                [Route("get /lower")]
                public static int LowerCaseMethod() => 200;

                [Route("GET /files/{*path}")]
                public static int Files(ReadOnlySpan<byte> path) => 200;
            }
            """;
        var compilation = CompilationFactory.Create(source);

        var spec = ParsedRouter(compilation);
        var diagnostics = Analyze(compilation);

        Assert.Equal(
            new[] { "GenericFirst", "InvalidTemplateFirst", "LowerCaseMethod", "RequiredOptional", "ServiceParameter", "UnboundSegment", "UnsupportedType" },
            spec.Skipped.Select(s => s.HandlerName).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Equal(
            spec.Skipped.Select(s => s.HandlerName).Distinct().OrderBy(n => n, System.StringComparer.Ordinal),
            diagnostics.Select(EnclosingMethod).Distinct().OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.DoesNotContain(spec.Routes, r => diagnostics.Select(EnclosingMethod).Contains(r.HandlerName));
    }

    [Fact]
    public void A_route_skipped_for_binding_does_not_decide_the_result_type_in_either()
    {
        // The result type comes from the first route that compiles: the broken Search does not make the
        // correct Health a result-type mismatch, in the generator or in the analyzer.
        var source = """
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /search")]
                public static long Search(DateTime since) => 0;

                [Route("GET /health")]
                public static int Health() => 200;
            }
            """;
        var compilation = CompilationFactory.Create(source);

        var spec = ParsedRouter(compilation);
        var diagnostics = Analyze(compilation);

        Assert.Equal(new[] { "Search" }, spec.Skipped.Select(s => s.HandlerName));
        Assert.Equal(new[] { "Health" }, spec.Routes.Select(r => r.HandlerName));
        Assert.Equal("int", spec.ResultType);
        Assert.Equal(new[] { "HR0003" }, diagnostics.Select(d => d.Id));
    }

    private static RouterSpec ParsedRouter(Compilation compilation)
    {
        var result = GeneratorHarness.Run(new RouterGenerator(), compilation);
        return result.Driver.GetRunResult().Results.Single()
            .TrackedSteps[TrackingNames.Parse]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<RouterSpec>()
            .Single();
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        => compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouteAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    private static string EnclosingMethod(Diagnostic diagnostic)
    {
        var root = diagnostic.Location.SourceTree!.GetRoot();
        return root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>()!.Identifier.Text;
    }
}
