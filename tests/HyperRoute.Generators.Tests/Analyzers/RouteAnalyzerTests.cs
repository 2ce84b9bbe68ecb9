using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR0001–HR0005: every route the generator would skip is reported where it is written.</summary>
public sealed class RouteAnalyzerTests
{
    private static void Verify(string markup, params string[] allowedCompilerErrors)
        => AnalyzerHarness.Verify<RouteAnalyzer>(markup, allowedCompilerErrors);

    // ---- negatives: valid routers report nothing

    [Fact]
    public void Valid_router_reports_nothing()
    {
        Verify(""""
            using System;
            using HyperRoute;

            namespace Shop;

            [Router]
            public partial class ShopApi
            {
                [Route("GET /")]
                public static int Home() => 200;

                [Route("GET /users")]
                public static int ListUsers(int page = 1, int? size = null, string? sort = null) => 200;

                [Route("GET /users/{id:int:min(1)}")]
                [Route("HEAD /users/{id:int:min(1)}")]
                public static int GetUser(int id, ReadOnlySpan<byte> fields = default) => 200;

                [Route("GET /users/{name:alpha:length(2,20)}/posts/{slug?}")]
                public static int UserPosts(ReadOnlySpan<byte> name, string? slug) => 200;

                [Route(@"GET /files/{*path}")]
                public static int File(ReadOnlySpan<byte> path) => 200;

                [Route("""DELETE /orders/{id:guid}""")]
                public static int DeleteOrder(Guid id) => 204;
            }
            """");
    }

    [Fact]
    public void Template_parameters_bind_handler_parameters_case_insensitively()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{ID}")]
                public static int GetUser(long id) => 200;
            }
            """);
    }

    [Fact]
    public void Void_handlers_mix_with_handlers_of_the_result_type()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("POST /ping")]
                public static void Ping() { }

                [Route("GET /health")]
                public static int Health() => 200;

                [Route("GET /ready")]
                public static int Ready() => 200;
            }
            """);
    }

    [Fact]
    public void Instance_handlers_of_an_instance_router_are_fine()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial struct Api
            {
                [Route("GET /health")]
                public int Health() => 200;
            }
            """);
    }

    [Fact]
    public void Router_nested_in_partial_types_reports_nothing()
    {
        Verify("""
            using HyperRoute;

            public static partial class Outer
            {
                [Router]
                public partial record Api
                {
                    [Route("GET /health")]
                    public static int Health() => 200;
                }
            }
            """);
    }

    [Fact]
    public void Route_inside_a_router_is_not_reported_as_outside_one()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                public static int NotARoute() => 0;
            }

            public sealed class Plain
            {
                public int Method() => 0;
            }
            """);
    }

    // ---- HR0001: invalid route template, on exactly the offending characters

    [Fact]
    public void Unknown_constraint_is_reported_on_the_constraint_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:{|HR0001:foo|}}")]
                public static int GetUser(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Unclosed_brace_is_reported_from_the_brace_to_the_end_of_the_segment()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{|HR0001:{id|}")]
                public static int GetUser(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Closing_brace_without_an_opening_one_is_reported_on_the_brace()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/id{|HR0001:}|}")]
                public static int GetUser() => 200;
            }
            """);
    }

    [Fact]
    public void Lowercase_method_is_reported_on_the_method()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("{|HR0001:get|} /health")]
                public static int Health() => 200;
            }
            """);
    }

    [Fact]
    public void Duplicate_parameter_name_is_reported_on_the_second_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id}/posts/{{|HR0001:ID|}}")]
                public static int GetPost(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Catch_all_that_is_not_last_is_reported_on_its_segment()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /files/{|HR0001:{*path}|}/meta")]
                public static int Meta(string path) => 200;
            }
            """);
    }

    [Fact]
    public void Trailing_slash_is_reported_on_the_slash()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users{|HR0001:/|}")]
                public static int Users() => 200;
            }
            """);
    }

    [Fact]
    public void Verbatim_string_maps_offsets_exactly()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route(@"GET /users/{id:{|HR0001:foo|}}")]
                public static int GetUser(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Raw_string_maps_offsets_exactly()
    {
        Verify(""""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("""GET /users/{id:{|HR0001:foo|}}""")]
                public static int GetUser(int id) => 200;
            }
            """");
    }

    [Fact]
    public void Literal_with_escape_sequences_is_reported_on_the_whole_literal()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0001:"GET /\u0075sers/{id:foo}"|})]
                public static int GetUser(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Pattern_from_a_constant_is_reported_on_the_argument()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                private const string UserRoute = "GET /users/{id:foo}";

                [Route({|HR0001:UserRoute|})]
                public static int GetUser(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Empty_pattern_is_reported_on_the_whole_literal()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0001:""|})]
                public static int Health() => 200;
            }
            """);
    }

    [Fact]
    public void Each_invalid_route_of_a_method_is_reported()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:int}")]
                [Route("{|HR0001:Get|} /people/{id:int}")]
                [Route("GET /members/{id:{|HR0001:integer|}}")]
                public static int GetUser(int id) => 200;
            }
            """);
    }

    // ---- HR0002: router type cannot be generated

    [Fact]
    public void Router_that_is_not_partial_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public class {|HR0002:Api|}
            {
                [Route("GET /health")]
                public static int Health() => 200;
            }
            """);
    }

    [Fact]
    public void Generic_router_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class {|HR0002:Api|}<T>
            {
                [Route("GET /health")]
                public static int Health() => 200;
            }
            """);
    }

    [Fact]
    public void Router_nested_in_a_type_that_is_not_partial_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            public class Outer
            {
                [Router]
                public partial class {|HR0002:Api|}
                {
                    [Route("GET /health")]
                    public static int Health() => 200;
                }
            }
            """);
    }

    [Fact]
    public void Router_nested_in_a_generic_type_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            public partial class Outer<T>
            {
                [Router]
                public partial class {|HR0002:Api|}
                {
                    [Route("GET /health")]
                    public static int Health() => 200;
                }
            }
            """);
    }

    // ---- HR0003: route cannot bind its handler

    [Fact]
    public void Template_parameter_without_a_handler_parameter_is_reported_on_its_segment()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{|HR0003:{id:int}|}")]
                public static int GetUser(int userId) => 200;
            }
            """);
    }

    [Fact]
    public void Handler_parameter_of_an_unsupported_type_is_reported_on_the_parameter()
    {
        Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /search")]
                public static int Search(DateTime {|HR0003:since|}) => 200;
            }
            """);
    }

    [Fact]
    public void Optional_segment_bound_to_a_required_parameter_is_reported_on_the_parameter()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /posts/{page?}")]
                public static int Posts(int {|HR0003:page|}) => 200;
            }
            """);
    }

    [Fact]
    public void Same_binding_error_of_several_routes_is_reported_once()
    {
        Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /search")]
                [Route("POST /search")]
                public static int Search(object {|HR0003:query|}) => 200;
            }
            """);
    }

    // ---- HR0004: handler cannot be compiled

    [Fact]
    public void Generic_handler_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /items/{id:int}")]
                public static int {|HR0004:Get|}<T>(int id) => 200;
            }
            """);
    }

    [Fact]
    public void Handler_returning_by_reference_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                private static int _status = 200;

                [Route("GET /status")]
                public static ref int {|HR0004:Status|}() => ref _status;
            }
            """);
    }

    [Fact]
    public void Handler_with_another_result_type_than_the_first_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                [Route("GET /version")]
                public static string {|HR0004:Version|}() => "1.0";
            }
            """);
    }

    [Fact]
    public void Property_accessor_with_a_route_is_reported_on_the_accessor()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                public static int Status
                {
                    [Route("GET /status")]
                    {|HR0004:get|} => 200;
                }
            }
            """);
    }

    [Fact]
    public void Local_function_with_a_route_is_reported_on_its_name()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static int Health()
                {
                    return Check();

                    [Route("GET /check")]
                    static int {|HR0004:Check|}() => 200;
                }
            }
            """);
    }

    [Fact]
    public void Lambda_with_a_route_is_reported_on_the_attribute()
    {
        Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                private static readonly Func<int, int> Echo = [{|HR0004:Route("GET /echo/{value}")|}] (int value) => value;
            }
            """);
    }

    [Fact]
    public void Instance_handler_in_a_static_router_is_reported_on_its_name()
    {
        // An instance member of a static class is also a compiler error (CS0708); the route is reported anyway.
        Verify("""
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /health")]
                public int {|HR0004:Health|}() => 200;
            }
            """,
            "CS0708");
    }

    // ---- HR0005: [Route] outside a [Router]

    [Fact]
    public void Route_in_a_type_without_router_is_reported_on_the_attribute()
    {
        Verify("""
            using HyperRoute;

            public static class Health
            {
                [{|HR0005:Route("GET /health")|}]
                public static int Check() => 200;
            }
            """);
    }

    [Fact]
    public void Route_in_a_type_nested_in_a_router_is_reported_on_the_attribute()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                public static class Admin
                {
                    [{|HR0005:Route("GET /admin")|}]
                    public static int Dashboard() => 200;
                }
            }
            """);
    }

    // ---- several problems at once, and code that does not compile

    [Fact]
    public void Independent_problems_of_one_route_are_all_reported()
    {
        Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /items/{|HR0003:{id:int}|}")]
                public static int {|HR0004:Get|}<T>(int key) => 200;
            }
            """);
    }

    [Fact]
    public void Broken_attribute_argument_is_left_to_the_compiler()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route(Missing.Pattern)]
                public static int Health() => 200;
            }
            """,
            "CS0103");
    }

    [Fact]
    public void Parameter_of_a_missing_type_is_left_to_the_compiler()
    {
        Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /search")]
                public static int Search(Missing query) => 200;
            }
            """,
            "CS0246");
    }

    [Theory]
    [InlineData("[HyperRoute.Router] public partial class { [HyperRoute.Route(\"GET /x\")] public static int X() => 1; }")]
    [InlineData("[HyperRoute.Router] public partial interface IApi { [HyperRoute.Route(\"GET /x\")] int X(); }")]
    [InlineData("[HyperRoute.Router] public partial class Api { [HyperRoute.Route(\"GET /x/{id\")] public static int X(int id }")]
    [InlineData("[HyperRoute.Router] public partial class Api { [HyperRoute.Route(\"GET /x\", 1)] public static int X() => 1; }")]
    [InlineData("[HyperRoute.Router] public partial class Api { [HyperRoute.Route] public static int X() => 1; }")]
    [InlineData("[HyperRoute.Router] public partial class Api { [HyperRoute.Route(\"GET /x\")] public static Missing X(Missing<int> a, ref int b, out int c) { c = 0; return default; } }")]
    [InlineData("[HyperRoute.Router] public partial class Api { [HyperRoute.Route(\"GET /x\")] public static int X( }")]
    [InlineData("[HyperRoute.Router] public partial class Api { [HyperRoute.Route(\"GET /x\")] public Api() { } [HyperRoute.Route(\"GET /y\")] ~Api() { } }")]
    [InlineData("[HyperRoute.Router] public partial class Api { [HyperRoute.Route(\"GET /{a}/{b}/{*c}\")] public static partial int X(int a, int b, string c); }")]
    [InlineData("[HyperRoute.Route(\"GET /x\")] public class NotAMethod { }")]
    [InlineData("public class C { void M() { var f = [HyperRoute.Route(\"GET /x\")] (int a) => a; } }")]
    public async Task Analyzer_never_throws_on_broken_code(string source)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception.ToString()); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);

        var diagnostics = await CompilationFactory.Create(source)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouteAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
