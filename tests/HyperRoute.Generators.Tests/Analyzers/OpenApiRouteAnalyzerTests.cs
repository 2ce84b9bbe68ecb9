using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// HR0027: an <c>[OpenApi(Route = …)]</c> that is not a literal path starting with '/' is reported on its offending
/// characters with what to write, on a router (RouteAnalyzer) and on an app (AppAnalyzer); a good one is not reported.
/// </summary>
public sealed class OpenApiRouteAnalyzerTests
{
    private const string Router = """
        using HyperRoute;

        [Router]
        {0}
        public static partial class Api
        {
            [Route("GET /todos")]
            public static string List() => "[]";
        }
        """;

    private static Task VerifyRouter(string attribute, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(Router.Replace("{0}", attribute), expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult HR0027(string route, string owner, string message)
        => CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0027").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(route, owner, message);

    [Fact]
    public Task A_literal_path_is_not_reported()
        => VerifyRouter("""[OpenApi(Route = "/docs/openapi.json")]""");

    [Fact]
    public Task A_route_without_a_leading_slash_is_reported_on_its_first_character_with_the_fix()
        => VerifyRouter(
            """[OpenApi(Route = "{|#0:o|}penapi.json")]""",
            HR0027("openapi.json", "Api", "The document's route is a path that starts with '/'; write '/openapi.json'"));

    [Fact]
    public Task A_method_before_the_path_is_reported_with_the_path_alone()
        => VerifyRouter(
            """[OpenApi(Route = "{|#0:GET |}/openapi.json")]""",
            HR0027("GET /openapi.json", "Api", "The document answers GET and HEAD; write the path alone: '/openapi.json'"));

    [Fact]
    public Task A_parameter_is_reported_on_its_segment()
        => VerifyRouter(
            """[OpenApi(Route = "/docs/{|#0:{version}|}")]""",
            HR0027("/docs/{version}", "Api", "The document's route is a literal path, and '{version}' is a parameter; write the path itself, such as '/openapi.json'"));

    [Fact]
    public Task A_query_is_reported_on_the_query()
        => VerifyRouter(
            """[OpenApi(Route = "/openapi.json{|#0:?v=1|}")]""",
            HR0027("/openapi.json?v=1", "Api", "The document's route is a path without a query; remove '?v=1'"));

    [Fact]
    public Task An_app_s_route_is_reported_by_the_app_analyzer()
        => CSharpAnalyzerVerifier<AppAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router]
            public static partial class TodoApi
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }

            [App(typeof(TodoApi))]
            [OpenApi(Route = "{|#0:d|}ocs")]
            public static partial class ShopApp { }
            """,
            CSharpAnalyzerVerifier<AppAnalyzer>.Diagnostic("HR0027").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("docs", "ShopApp", "The document's route is a path that starts with '/'; write '/docs'"));
}
