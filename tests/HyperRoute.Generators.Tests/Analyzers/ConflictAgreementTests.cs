extern alias generator;

using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

using RouteConflicts = generator::HyperRoute.Generators.Routing.RouteConflicts;
using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using RouterSpec = generator::HyperRoute.Generators.Routing.RouterSpec;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// HR0006 is the dispatch planner's answer: the conflicts read off the generator's own trees for the generator's own
/// model of the router are exactly the pairs the analyzer reports, and routes that precedence tells apart are in none.
/// </summary>
public sealed class ConflictAgreementTests
{
    [Fact]
    public async System.Threading.Tasks.Task The_analyzer_reports_exactly_the_conflicts_the_planner_finds_and_precedence_separated_routes_are_in_none()
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
        var spec = GeneratorHarness.Run(new RouterGenerator(), compilation).Driver.GetRunResult().Results.Single()
            .TrackedSteps[TrackingNames.Routers]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<RouterSpec>()
            .Single();

        var planned = RouteConflicts.Find(spec)
            .Select(c => (spec.Routes[c.First].Template.Pattern, spec.Routes[c.Second].Template.Pattern, c.Kind.ToString()))
            .ToList();
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouteAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var reported = diagnostics
            .Where(d => d.Id == "HR0006")
            .Select(d => (Pattern(d), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Equal(
            new[]
            {
                ("GET /a/{x}", "GET /a/{y}", "EqualPrecedence"),
                ("GET /b/{x:int}/c", "GET /B/{y:int}/C", "EqualPrecedence"),
                ("GET /d/{x?}", "GET /d/{y}", "EqualPrecedence"),
                ("GET /e/{x}/{y?}", "GET /e/{x}", "AbsentFormShadowed"),
                ("GET /f/{*p}", "GET /f/{*q}", "EqualPrecedence"),
                ("GET /g", "GET /G", "EqualPrecedence"),
            },
            planned);

        // Both routes of every planned conflict, each squiggled where its pattern is written, naming the other.
        var expected = planned.SelectMany(c => new[] { (c.Item1, c.Item2), (c.Item2, c.Item1) }).OrderBy(p => p).ToList();
        Assert.Equal(expected, reported.Select(r => (r.Item1, OtherPattern(r.Item2))).OrderBy(p => p).ToList());
    }

    [Fact]
    public async System.Threading.Tasks.Task In_an_app_the_analyzer_reports_exactly_the_conflicts_between_routers_the_planner_finds_in_the_composed_table()
    {
        var source = """
            using HyperRoute;

            [Router(Prefix = "/api")]
            public static partial class First
            {
                [Route("GET /a/{x}")] public static string A(string x) => "1";
                [Route("GET /b/{x?}")] public static string B(int? x) => "1";
                [Route("GET /c/{x:int}")] public static string C(int x) => "1";
                [Route("GET /own/{x}")] public static string Own1(string x) => "1";
                [Route("GET /own/{y}")] public static string Own2(string y) => "1";
            }

            [Router]
            public static partial class Second
            {
                [Route("GET /api/a/{y}")] public static string A(string y) => "2";
                [Route("GET /api/b")] public static string B() => "2";
                [Route("GET /api/c/{x:long}")] public static string C(long x) => "2";
                [Route("DELETE /api/a/{y}")] public static string D(string y) => "2";
            }

            [App(typeof(First), typeof(Second))]
            public static partial class App;
            """;
        var compilation = CompilationFactory.Create(source);
        var spec = GeneratorHarness.Run(new RouterGenerator(), compilation).Driver.GetRunResult().Results.Single()
            .TrackedSteps[TrackingNames.Apps]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<RouterSpec>()
            .Single();

        var planned = RouteConflicts.Find(spec)
            .Where(c => spec.Routes[c.First].Owner != spec.Routes[c.Second].Owner)
            .Select(c => (spec.Routes[c.First].Template.Pattern, spec.Routes[c.Second].Template.Pattern, c.Kind.ToString()))
            .ToList();
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AppAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var reported = diagnostics
            .Where(d => d.Id == "HR0024")
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => (Quoted(m, 0), Quoted(m, 2)))
            .OrderBy(p => p)
            .ToList();

        Assert.Equal(
            new[]
            {
                ("GET /api/a/{x}", "GET /api/a/{y}", "EqualPrecedence"),
                ("GET /api/b/{x?}", "GET /api/b", "AbsentFormShadowed"),
            },
            planned);
        Assert.Equal(planned.SelectMany(c => new[] { (c.Item1, c.Item2), (c.Item2, c.Item1) }).OrderBy(p => p).ToList(), reported);
    }

    // The n-th quoted text of a message.
    private static string Quoted(string message, int n)
    {
        var parts = message.Split('\'');
        return parts[2 * n + 1];
    }

    private static string Pattern(Diagnostic diagnostic)
        => ((LiteralExpressionSyntax)diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)).Token.ValueText;

    // "The route 'A' conflicts with the route 'B' of 'H': …" → B.
    private static string OtherPattern(string message)
    {
        var start = message.IndexOf("with the route '", System.StringComparison.Ordinal) + "with the route '".Length;
        return message.Substring(start, message.IndexOf('\'', start) - start);
    }
}
