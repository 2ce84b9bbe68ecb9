using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// HR0024 (routes of two routers of one app conflict, on each route, naming the other), HR0025 (a type an app cannot
/// serve, on its <c>typeof</c>) and HR0026 (an app type that cannot be extended), and nothing for an app that composes.
/// </summary>
public sealed class AppAnalyzerTests
{
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<AppAnalyzer>.VerifyAnalyzerAsync(markup);

    [Fact]
    public Task Two_routers_with_the_same_prefix_and_overlapping_routes_conflict_on_each_route()
    {
        const string Reason = "a request can match both with equal precedence, and 'ShopApp' lists 'TodoApi' first, so {0} never reached; give the routers different prefixes, or tell the routes apart with a literal or a constraint";
        return CSharpAnalyzerVerifier<AppAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router(Prefix = "/api")]
            public static partial class TodoApi
            {
                [Route({|#0:"GET /items/{id:int}"|})]
                public static string Get(int id) => "todo";

                [Route("GET /todos")]
                public static string List() => "todos";
            }

            [Router(Prefix = "/api")]
            public static partial class AdminApi
            {
                [Route({|#1:"GET /items/{n:int}"|})]
                public static string Inspect(int n) => "admin";

                [Route("DELETE /items/{n:int}")]
                public static string Remove(int n) => "removed";
            }

            [App(typeof(TodoApi), typeof(AdminApi))]
            public static partial class ShopApp;
            """,
            CSharpAnalyzerVerifier<AppAnalyzer>.Diagnostic("HR0024").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("GET /api/items/{id:int}", "TodoApi", "GET /api/items/{n:int}", "AdminApi", "ShopApp", string.Format(Reason, "the other route is")),
            CSharpAnalyzerVerifier<AppAnalyzer>.Diagnostic("HR0024").WithLocation(1).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("GET /api/items/{n:int}", "AdminApi", "GET /api/items/{id:int}", "TodoApi", "ShopApp", string.Format(Reason, "this route is")));
    }

    [Fact]
    public async Task An_optional_route_of_one_router_shadowed_by_a_literal_route_of_another_conflicts()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public static partial class Users
            {
                [Route({|HR0024:"GET /users/{id?}"|})]
                public static string Get(int? id) => "user";
            }

            [Router]
            public static partial class Lists
            {
                [Route({|HR0024:"GET /users"|})]
                public static string List() => "users";
            }

            [App(typeof(Users), typeof(Lists))]
            public static partial class ShopApp;
            """);
    }

    [Fact]
    public async Task Routers_whose_prefixes_tell_them_apart_and_routes_of_other_methods_do_not_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router(Prefix = "/todos")]
            public static partial class TodoApi
            {
                [Route("GET /{id:int}")]
                public static string Get(int id) => "todo";
            }

            [Router(Prefix = "/admin")]
            public static partial class AdminApi
            {
                [Route("GET /{id:int}")]
                public static string Get(int id) => "admin";
            }

            [Router]
            public static partial class RemoveApi
            {
                [Route("DELETE /todos/{id:int}")]
                public static string Remove(int id) => "removed";

                [Route("GET /todos/export")]
                public static string Export() => "export";
            }

            [App(typeof(TodoApi), typeof(AdminApi), typeof(RemoveApi))]
            public static partial class ShopApp;
            """);
    }

    [Fact]
    public async Task A_conflict_within_one_router_is_left_to_hr0006()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public static partial class TodoApi
            {
                [Route("GET /a/{x}")]
                public static string First(string x) => "1";

                [Route("GET /a/{y}")]
                public static string Second(string y) => "2";
            }

            [App(typeof(TodoApi))]
            public static partial class ShopApp;
            """);
    }

    [Fact]
    public Task A_router_with_instance_handlers_cannot_be_served_and_is_reported_on_its_typeof()
    {
        return CSharpAnalyzerVerifier<AppAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router]
            public partial class CounterApi
            {
                [Route("POST /hit")]
                public string Hit() => "hit";
            }

            [App({|#0:typeof(CounterApi)|})]
            public static partial class ShopApp;
            """,
            CSharpAnalyzerVerifier<AppAnalyzer>.Diagnostic("HR0025").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("CounterApi", "ShopApp", "its handler 'Hit' is an instance method, and the app has no instance to run it on; make the app's routers' handlers static, or serve this router on its own endpoint"));
    }

    [Fact]
    public Task A_private_handler_cannot_be_called_by_the_app()
    {
        return CSharpAnalyzerVerifier<AppAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router]
            public static partial class HealthApi
            {
                [Route("GET /health")]
                private static string Health() => "ok";
            }

            [App({|#0:typeof(HealthApi)|})]
            public static partial class ShopApp;
            """,
            CSharpAnalyzerVerifier<AppAnalyzer>.Diagnostic("HR0025").WithLocation(0)
                .WithArguments("HealthApi", "ShopApp", "its handler 'Health' is private, which only the router can call; make it internal or public"));
    }

    [Fact]
    public async Task Types_that_are_not_routers_routers_listed_twice_and_routers_without_an_endpoint_are_reported()
    {
        await Verify("""
            using HyperRoute;

            public static class Plain
            {
            }

            [Router]
            public static partial class HealthApi
            {
                [Route("GET /health")]
                public static string Health() => "ok";
            }

            [Router]
            public static partial class CountApi
            {
                [Route("GET /count")]
                public static int Count() => 1;
            }

            [App({|HR0025:typeof(Plain)|}, typeof(HealthApi), {|HR0025:typeof(HealthApi)|}, {|HR0025:typeof(CountApi)|})]
            public static partial class ShopApp;
            """);
    }

    [Fact]
    public async Task An_app_that_is_not_partial_or_declares_a_generated_name_or_is_a_router_is_reported()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public static partial class HealthApi
            {
                [Route("GET /health")]
                public static string Health() => "ok";
            }

            [App(typeof(HealthApi))]
            public static class {|HR0026:NotPartial|};

            [App(typeof(HealthApi))]
            public static partial class Reserved
            {
                public static int {|HR0026:RoutePatterns|} => 0;
            }
            """);
    }
}
