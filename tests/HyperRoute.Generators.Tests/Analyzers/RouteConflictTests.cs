using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR0006: routes the dispatcher cannot tell apart are reported on both patterns, and nothing else is.</summary>
public sealed class RouteConflictTests
{
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(markup);

    // ---- positives

    [Fact]
    public async Task Parameters_with_different_names_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /a/{x}"|})]
                public static int First(int x) => 1;

                [Route({|HR0006:"GET /a/{y}"|})]
                public static int Second(int y) => 2;
            }
            """);
    }

    [Fact]
    public async Task Parameters_with_the_same_constraints_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /a/{x:int:min(1)}/b"|})]
                public static int First(int x) => 1;

                [Route({|HR0006:"GET /A/{y:int:min(1)}/B"|})]
                public static int Second(long y) => 2;
            }
            """);
    }

    [Fact]
    public async Task Duplicate_route_on_one_handler_conflicts()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /health"|})]
                [Route({|HR0006:"GET /health"|})]
                public static int Health() => 1;
            }
            """);
    }

    [Fact]
    public async Task Literal_routes_that_differ_only_in_ascii_case_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /Users/Me"|})]
                public static int First() => 1;

                [Route({|HR0006:"GET /users/me"|})]
                public static int Second() => 2;
            }
            """);
    }

    [Fact]
    public async Task Catch_alls_with_the_same_prefix_conflict()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /files/{*path}"|})]
                public static int First(ReadOnlySpan<byte> path) => 1;

                [Route({|HR0006:"GET /files/{**rest}"|})]
                public static int Second(string rest) => 2;
            }
            """);
    }

    [Fact]
    public async Task Optional_route_whose_absent_form_is_another_route_conflicts_with_it()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /users/{id?}"|})]
                public static int Users(int? id) => 1;

                [Route({|HR0006:"GET /users"|})]
                public static int AllUsers() => 2;
            }
            """);
    }

    [Fact]
    public async Task Optional_routes_with_the_same_absent_form_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /users/{id:int?}"|})]
                public static int ById(int? id) => 1;

                [Route({|HR0006:"GET /users/{name:alpha?}"|})]
                public static int ByName(string? name) => 2;
            }
            """);
    }

    [Fact]
    public async Task Optional_parameter_present_ties_with_a_required_parameter_of_the_same_shape()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|HR0006:"GET /users/{id?}"|})]
                public static int Optional(int id = 0) => 1;

                [Route({|HR0006:"GET /users/{x}"|})]
                public static int Required(string x) => 2;
            }
            """);
    }

    [Fact]
    public Task Three_identical_routes_each_report_both_others()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|#0:"GET /a/{x}"|})]
                public static int First(int x) => 1;

                [Route({|#1:"GET /a/{y}"|})]
                public static int Second(int y) => 2;

                [Route({|#2:"GET /a/{z}"|})]
                public static int Third(int z) => 3;
            }
            """,
            Conflict(0, "GET /a/{x}", "GET /a/{y}", "Second"),
            Conflict(0, "GET /a/{x}", "GET /a/{z}", "Third"),
            Conflict(1, "GET /a/{y}", "GET /a/{x}", "First"),
            Conflict(1, "GET /a/{y}", "GET /a/{z}", "Third"),
            Conflict(2, "GET /a/{z}", "GET /a/{x}", "First"),
            Conflict(2, "GET /a/{z}", "GET /a/{y}", "Second"));
    }

    [Fact]
    public Task The_message_names_the_other_route_and_its_handler()
    {
        return CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route({|#0:"GET /a/{x}"|})]
                public static int First(int x) => 1;

                [Route("POST /b")]
                public static int Other() => 1;

                [Route({|#1:"GET /a/{y}"|})]
                public static int Second(int y) => 2;
            }
            """,
            Conflict(0, "GET /a/{x}", "GET /a/{y}", "Second"),
            Conflict(1, "GET /a/{y}", "GET /a/{x}", "First"));
    }

    private const string EqualPrecedence = "a request can match both with equal precedence, so the one declared first always takes it and the other is never reached; remove one, or tell them apart with a literal or a constraint";

    // HR0006 at the markup location {|#location:…|}, with the message's arguments.
    private static DiagnosticResult Conflict(int location, string route, string other, string otherHandler)
        => CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0006").WithLocation(location).WithArguments(route, other, otherHandler, EqualPrecedence);

    // ---- negatives: precedence or the method tells them apart

    [Fact]
    public async Task Literal_and_parameter_do_not_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/new")]
                public static int New() => 1;

                [Route("GET /a/{id}")]
                public static int ById(string id) => 2;
            }
            """);
    }

    [Fact]
    public async Task Constrained_and_plain_parameters_do_not_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{id:int}")]
                public static int ById(int id) => 1;

                [Route("GET /a/{id}")]
                public static int BySlug(string id) => 2;

                [Route("GET /a/{id:long}")]
                public static int ByLong(long id) => 3;

                [Route("GET /a/{id:int:min(1)}")]
                public static int ByPositive(int id) => 4;
            }
            """);
    }

    [Fact]
    public async Task Same_template_with_different_methods_does_not_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{x}")]
                [Route("HEAD /a/{x}")]
                public static int Get(int x) => 1;

                [Route("POST /a/{y}")]
                public static int Post(int y) => 2;
            }
            """);
    }

    [Fact]
    public async Task Routes_with_different_segment_counts_or_literals_do_not_conflict()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{x}")]
                public static int One(int x) => 1;

                [Route("GET /a/{x}/b")]
                public static int Two(int x) => 2;

                [Route("GET /a/{x}/c")]
                public static int Three(int x) => 3;

                [Route("GET /a/{x}/{y:int}")]
                public static int Four(int x, int y) => 4;

                [Route("GET /a/{x}/{*rest}")]
                public static int Rest(int x, ReadOnlySpan<byte> rest) => 5;
            }
            """);
    }

    [Fact]
    public async Task Literal_route_beside_a_catch_all_for_its_bare_prefix_does_not_conflict()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /files")]
                public static int Index() => 1;

                [Route("GET /files/{*path}")]
                public static int File(ReadOnlySpan<byte> path) => 2;
            }
            """);
    }

    [Fact]
    public async Task Routes_of_different_routers_do_not_conflict()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class First
            {
                [Route("GET /a/{x}")]
                public static int Get(int x) => 1;
            }

            [Router]
            public partial class Second
            {
                [Route("GET /a/{y}")]
                public static int Get(int y) => 2;
            }
            """);
    }

    [Fact]
    public async Task A_thousand_distinct_routes_report_nothing()
    {
        var source = new System.Text.StringBuilder("using HyperRoute;\n[Router]\npublic static partial class Big\n{\n");
        for (var i = 0; i < 250; i++)
        {
            source.Append($"    [Route(\"GET /r{i}/items/{{id:int}}\")] public static int A{i}(int id) => id;\n");
            source.Append($"    [Route(\"GET /r{i}/items/{{slug}}\")] public static int B{i}(string slug) => 0;\n");
            source.Append($"    [Route(\"GET /r{i}/items\")] public static int C{i}() => 0;\n");
            source.Append($"    [Route(\"POST /r{i}/items/{{id:int}}\")] public static int D{i}(int id) => id;\n");
        }

        source.Append("}\n");

        await Verify(source.ToString());
    }

    [Fact]
    public async Task A_route_the_generator_leaves_out_conflicts_with_nothing()
    {
        await Verify("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /a/{x}")]
                public static int First(int x) => 1;

                [Route("GET /a/{|HR0003:{y}|}")]
                public static int Unbound(int z) => 2;

                [Route("GET /a/{w}")]
                public static int WithService(int w, System.IServiceProvider {|HR0022:services|}) => 3;
            }
            """);
    }
}
