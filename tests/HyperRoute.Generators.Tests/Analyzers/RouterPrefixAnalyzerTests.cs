using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// HR0023: a router <c>Prefix</c> that is not a path of literal segments is reported on its offending characters, with
/// what to write; a valid prefix is part of every pattern (conflicts see it) while problems with a route's own template
/// are still reported where that template is written.
/// </summary>
public sealed class RouterPrefixAnalyzerTests
{
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(markup);

    [Fact]
    public Task A_prefix_without_a_leading_slash_is_reported_on_its_first_character_with_the_fix()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router(Prefix = "{|#0:a|}pi/v1")]
            public static partial class Api
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0023").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("api/v1", "Api", "A prefix starts with '/'; write '/api/v1'"));
    }

    [Fact]
    public Task A_trailing_slash_is_reported_on_the_slash_with_the_prefix_to_write()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router(Prefix = "/api/v1{|#0:/|}")]
            public static partial class Api
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0023").WithLocation(0)
                .WithArguments("/api/v1/", "Api", "Remove the trailing '/': write '/api/v1' (the routes' templates start with '/')"));
    }

    [Fact]
    public Task A_parameter_in_the_prefix_is_reported_on_its_segment()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router(Prefix = "/tenants/{|#0:{tenant}|}")]
            public static partial class Api
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0023").WithLocation(0)
                .WithArguments("/tenants/{tenant}", "Api", "A prefix holds literal segments only, and '{tenant}' is a parameter; write it in each route's template instead"));
    }

    [Fact]
    public Task A_slash_alone_adds_nothing_and_is_reported()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router(Prefix = "{|#0:/|}")]
            public static partial class Api
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0023").WithLocation(0)
                .WithArguments("/", "Api", "The prefix '/' adds nothing to the routes; remove Prefix, or name a path such as '/api'"));
    }

    [Fact]
    public async Task Characters_a_literal_segment_cannot_hold_and_empty_segments_are_reported_where_they_are()
    {
        await Verify("""
            using HyperRoute;

            [Router(Prefix = "/api{|HR0023:?|}v=1")]
            public static partial class Query
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }

            [Router(Prefix = "/api{|HR0023://|}v1")]
            public static partial class Empty
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }

            [Router(Prefix = "/api/{|HR0023:%|}20")]
            public static partial class Escaped
            {
                [Route("GET /todos")]
                public static string List() => "[]";
            }
            """);
    }

    [Fact]
    public async Task A_valid_prefix_and_no_prefix_are_not_reported()
    {
        await Verify("""
            using HyperRoute;

            [Router(Prefix = "/api/v1")]
            public static partial class Todos
            {
                [Route("GET /")]
                public static string Index() => "todos";

                [Route("GET /todos/{id:int}")]
                public static string Get(int id) => "one";
            }

            [Router(Prefix = "")]
            public static partial class Empty
            {
                [Route("GET /health")]
                public static string Health() => "ok";
            }

            [Router(Prefix = null)]
            public static partial class Null
            {
                [Route("GET /health")]
                public static string Health() => "ok";
            }
            """);
    }

    [Fact]
    public async Task A_problem_with_a_route_s_own_template_is_reported_where_the_template_writes_it()
    {
        await Verify("""
            using HyperRoute;

            [Router(Prefix = "/api/v1")]
            public static partial class Api
            {
                [Route("GET /users/{|HR0003:{id:int}|}")]
                public static int GetUser(int userId) => 200;

                [Route("GET /users/{id:{|HR0001:foo|}}")]
                public static int Other(int id) => 200;
            }
            """);
    }

    [Fact]
    public Task Conflicts_are_found_on_the_prefixed_patterns_and_name_them()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router(Prefix = "/api")]
            public static partial class Api
            {
                [Route({|#0:"GET /a/{x}"|})]
                public static int First(int x) => 1;

                [Route({|#1:"GET /A/{y}"|})]
                public static int Second(int y) => 2;
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0006").WithLocation(0)
                .WithArguments("GET /api/a/{x}", "GET /api/A/{y}", "Second", "a request can match both with equal precedence, so the one declared first always takes it and the other is never reached; remove one, or tell them apart with a literal or a constraint"),
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0006").WithLocation(1)
                .WithArguments("GET /api/A/{y}", "GET /api/a/{x}", "First", "a request can match both with equal precedence, so the one declared first always takes it and the other is never reached; remove one, or tell them apart with a literal or a constraint"));
    }
}
