extern alias generator;

using System.Linq;
using System.Text.RegularExpressions;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR0006 agrees with the dispatch planner: every route the generated code marks unreachable is reported.</summary>
public sealed class ConflictAgreementTests
{
    [Fact]
    public void Every_route_the_dispatcher_marks_unreachable_is_reported_and_precedence_separated_routes_are_not()
    {
        var source = """
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{x}")] public static int A1(int x) => 1;
                [Route("GET /a/{y}")] public static int A2(int y) => 1;
                [Route("GET /b/{x:int}/c")] public static int B1(int x) => 1;
                [Route("GET /B/{y:int}/C")] public static int B2(int y) => 1;
                [Route("GET /d/{x?}")] public static int D1(int? x) => 1;
                [Route("GET /d/{y}")] public static int D2(int y) => 1;
                [Route("GET /e/{x}")] public static int E1(int x) => 1;
                [Route("GET /e/{x}/{y?}")] public static int E2(int x, int? y) => 1;
                [Route("GET /f/{*p}")] public static int F1(string p) => 1;
                [Route("GET /f/{*q}")] public static int F2(string q) => 1;
                [Route("GET /g")] public static int G1() => 1;
                [Route("GET /G")] public static int G2() => 1;

                [Route("GET /s/new")] public static int S1() => 1;
                [Route("GET /s/{id:int}")] public static int S2(int id) => 1;
                [Route("GET /s/{id}")] public static int S3(string id) => 1;
                [Route("GET /s/{id:int:min(1)}")] public static int S4(int id) => 1;
                [Route("POST /s/{other}")] public static int S5(string other) => 1;
                [Route("GET /t")] public static int T1() => 1;
                [Route("GET /t/{*rest}")] public static int T2(string rest) => 1;
            }
            """;
        var compilation = CompilationFactory.Create(source);

        var generated = string.Join("\n", GeneratorHarness.Run(new RouterGenerator(), compilation).Sources.Select(s => s.Source));
        var unreachable = Regex.Matches(generated, @"// \(unreachable: (?<pattern>[^)]*?) matches the same requests")
            .Select(m => m.Groups["pattern"].Value)
            .ToHashSet();
        var reported = AnalyzerRun.Diagnostics<RouteAnalyzer>(source)
            .Where(d => d.Id == "HR0006")
            .Select(d => ((LiteralExpressionSyntax)d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true)).Token.ValueText)
            .ToHashSet();

        Assert.Equal(new[] { "GET /B/{y:int}/C", "GET /G", "GET /a/{y}", "GET /d/{y}", "GET /e/{x}/{y?}", "GET /f/{*q}" }, unreachable.OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.Subset(reported, unreachable);
        Assert.DoesNotContain(reported, p => p.StartsWith("GET /s", System.StringComparison.Ordinal) || p.StartsWith("POST", System.StringComparison.Ordinal) || p.StartsWith("GET /t", System.StringComparison.Ordinal));
        Assert.Equal(12, reported.Count);
    }
}
