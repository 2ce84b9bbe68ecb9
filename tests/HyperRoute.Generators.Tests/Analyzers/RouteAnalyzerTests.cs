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
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(markup);

    // ---- negatives: valid routers report nothing

    [Fact]
    public async Task Valid_router_reports_nothing()
    {
        await Verify(""""
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
    public async Task Template_parameters_bind_handler_parameters_case_insensitively()
    {
        await Verify("""
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
    public async Task Void_handlers_mix_with_handlers_of_the_result_type()
    {
        await Verify("""
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
    public async Task Instance_handlers_of_an_instance_router_are_fine()
    {
        await Verify("""
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
    public async Task Router_nested_in_partial_types_reports_nothing()
    {
        await Verify("""
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
    public async Task Route_inside_a_router_is_not_reported_as_outside_one()
    {
        await Verify("""
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
    public async Task Unknown_constraint_is_reported_on_the_constraint_name()
    {
        await Verify("""
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
    public async Task Unclosed_brace_is_reported_from_the_brace_to_the_end_of_the_segment()
    {
        await Verify("""
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
    public async Task Closing_brace_without_an_opening_one_is_reported_on_the_brace()
    {
        await Verify("""
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
    public async Task Lowercase_method_is_reported_on_the_method()
    {
        await Verify("""
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
    public async Task Duplicate_parameter_name_is_reported_on_the_second_name()
    {
        await Verify("""
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
    public async Task Catch_all_that_is_not_last_is_reported_on_its_segment()
    {
        await Verify("""
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
    public async Task Trailing_slash_is_reported_on_the_slash()
    {
        await Verify("""
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
    public async Task Verbatim_string_maps_offsets_exactly()
    {
        await Verify("""
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
    public async Task Raw_string_maps_offsets_exactly()
    {
        await Verify(""""
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
    public async Task Literal_with_escape_sequences_is_reported_on_the_whole_literal()
    {
        await Verify("""
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
    public async Task Pattern_from_a_constant_is_reported_on_the_argument()
    {
        await Verify("""
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
    public async Task Empty_pattern_is_reported_on_the_whole_literal()
    {
        await Verify("""
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
    public async Task Each_invalid_route_of_a_method_is_reported()
    {
        await Verify("""
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
    public async Task Router_that_is_not_partial_is_reported_on_its_name()
    {
        await Verify("""
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
    public async Task Generic_router_is_reported_on_its_name()
    {
        await Verify("""
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
    public async Task Router_nested_in_a_type_that_is_not_partial_is_reported_on_its_name()
    {
        await Verify("""
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
    public async Task Router_nested_in_a_generic_type_is_reported_on_its_name()
    {
        await Verify("""
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
    public async Task Template_parameter_without_a_handler_parameter_is_reported_on_its_segment()
    {
        await Verify("""
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
    public async Task Handler_parameter_of_an_unsupported_type_is_reported_on_the_parameter()
    {
        await Verify("""
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
    public async Task Optional_segment_bound_to_a_required_parameter_is_reported_on_the_parameter()
    {
        await Verify("""
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
    public async Task Same_binding_error_of_several_routes_is_reported_once()
    {
        await Verify("""
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
    public async Task Generic_handler_is_reported_on_its_name()
    {
        await Verify("""
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
    public async Task Handler_returning_by_reference_is_reported_on_its_name()
    {
        await Verify("""
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
    public async Task Handlers_may_return_different_types_and_one_that_cannot_be_written_is_reported_on_its_return_type()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static {|HR0018:int|} Health() => 200;

                [Route("GET /version")]
                public static string Version() => "1.0";
            }
            """);
    }

    [Fact]
    public async Task Property_accessor_with_a_route_is_reported_on_the_accessor()
    {
        await Verify("""
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
    public async Task Local_function_with_a_route_is_reported_on_its_name()
    {
        await Verify("""
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
    public async Task Lambda_with_a_route_is_reported_on_the_attribute()
    {
        await Verify("""
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
    public async Task Instance_handler_in_a_static_router_is_reported_on_its_name()
    {
        // An instance member of a static class is also a compiler error (CS0708); the route is reported anyway.
        await Verify("""
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /health")]
                public int {|HR0004:{|CS0708:Health|}|}() => 200;
            }
            """);
    }

    // ---- HR0005: [Route] outside a [Router]

    [Fact]
    public async Task Route_in_a_type_without_router_is_reported_on_the_attribute()
    {
        await Verify("""
            using HyperRoute;

            public static class Health
            {
                [{|HR0005:Route("GET /health")|}]
                public static int Check() => 200;
            }
            """);
    }

    [Fact]
    public async Task Route_in_a_type_nested_in_a_router_is_reported_on_the_attribute()
    {
        await Verify("""
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
    public async Task Independent_problems_of_one_route_are_all_reported()
    {
        await Verify("""
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
    public async Task Broken_attribute_argument_is_left_to_the_compiler()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|CS0103:Missing|}.Pattern)]
                public static int Health() => 200;
            }
            """);
    }

    [Fact]
    public async Task Parameter_of_a_missing_type_is_left_to_the_compiler()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /search")]
                public static int Search({|CS0246:Missing|} query) => 200;
            }
            """);
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
