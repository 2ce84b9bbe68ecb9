extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

public sealed class DispatcherSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    [Fact]
    public void Shop_api_with_literals_parameters_query_and_catch_all()
    {
        var result = Generate("""
            using System;
            using HyperRoute;

            namespace Shop;

            [Router]
            public partial class ShopApi
            {
                [Route("GET /health")]
                public static int Health() => 200;

                [Route("GET /users")]
                public static int ListUsers(int page = 1, int? size = null) => 200;

                [Route("GET /users/{id:int}")]
                public static int GetUser(int id, ReadOnlySpan<byte> fields = default) => 200;

                [Route("GET /users/new")]
                public static int NewUserForm() => 200;

                [Route("DELETE /users/{id:int:min(1)}")]
                public static int DeleteUser(long id) => 204;

                [Route("POST /users")]
                public static int CreateUser() => 201;

                [Route("GET /users/{name:alpha}/posts/{slug?}")]
                public static int UserPosts(ReadOnlySpan<byte> name, string? slug) => 200;

                [Route("GET /files/{*path}")]
                public static int File(ReadOnlySpan<byte> path) => 200;

                [Route("GET /orders/{id:guid}")]
                [Route("HEAD /orders/{id:guid}")]
                public static int Order(Guid id) => 200;
            }
            """);

        Snapshot.Match(result.Source("Shop.ShopApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Instance_router_with_void_handlers_in_nested_types()
    {
        var result = Generate("""
            using HyperRoute;

            public partial class Host
            {
                [Router]
                public partial class Counter
                {
                    private int _hits;

                    [Route("POST /hit")]
                    public void Hit() => _hits++;

                    [Route("POST /hit/{by:long:range(1,100)}")]
                    public void HitBy(long by) => _hits += (int)by;

                    [Route("GET /")]
                    public static void Root() { }
                }
            }
            """);

        Assert.Equal("Host.Counter.Dispatch.g.cs", Assert.Single(result.Sources).HintName);
        Snapshot.Match(result.Source("Host.Counter.Dispatch.g.cs"));
    }

    [Fact]
    public void Routes_that_cannot_compile_are_listed_as_not_compiled_and_the_rest_still_route()
    {
        var result = Generate("""
            using HyperRoute;

            namespace Broken;

            [Router]
            public static partial class Api
            {
                [Route("GET /ok")]
                public static int Ok() => 1;

                [Route("GET /users/{id:foo}")]
                public static int BadConstraint(int id) => 1;

                [Route("GET /items/{id}")]
                public static int Unbound() => 1;

                [Route("get /lower")]
                public static int LowerMethod() => 1;

                [Route("GET /todos?done={done}")]
                public static int QueryInTemplate(bool? done) => 1;
            }
            """);

        var source = SingleSource(result);
        Assert.Contains("Not compiled: <c>GET /users/{id:foo}</c>", source);
        Assert.Contains("Not compiled: <c>GET /items/{id}</c>", source);
        Assert.Contains("Not compiled: <c>get /lower</c>", source);
        Assert.Contains("Not compiled: <c>GET /todos?done={done}</c>", source);
        Snapshot.Match(result.Source("Broken.Api.Dispatch.g.cs"));
    }

    [Fact]
    public void Same_length_literals_are_told_apart_by_their_distinguishing_byte()
    {
        var result = Generate("""
            using HyperRoute;

            [Router]
            public static partial class Verbs
            {
                [Route("GET /alpha")] public static int Alpha() => 1;
                [Route("GET /bravo")] public static int Bravo() => 2;
                [Route("GET /brave")] public static int Brave() => 3;
                [Route("GET /cafés")] public static int Cafes() => 4;
                [Route("PUT /alpha")] public static int PutAlpha() => 5;
            }
            """);

        Snapshot.Match(result.Source("Verbs.Dispatch.g.cs"));
    }

    [Fact]
    public void Many_literals_that_lead_on_alike_are_found_in_a_method_of_their_own_and_share_the_rest_of_the_path()
    {
        var routes = new System.Text.StringBuilder();
        for (var i = 0; i < 17; i++)
        {
            routes.Append($"    [Route(\"GET /r{i}\")] public static int L{i}() => {i};\n");
            routes.Append($"    [Route(\"GET /r{i}/{{id:int}}\")] public static int P{i}(int id) => id;\n");
        }

        var result = Generate("using HyperRoute;\n[Router]\npublic static partial class Wide\n{\n" + routes + "}\n");

        var source = SingleSource(result);
        // The literal routes are told apart by words of the path, each run where it matched: no position method.
        Assert.DoesNotContain("private static int MatchGetLiterals_", source);
        Assert.Contains("// 17 routes of literals only: the length of the path, then one word of it tells them apart.", source);
        // r{i} is found with where it ends, from the literals' lengths.
        Assert.Contains("private static Routing::LiteralSegment MatchGetParameters_1(System::ReadOnlySpan<byte> path, int start)", source);
        Assert.Contains("private static int AllowedMethods_1(System::ReadOnlySpan<byte> path)", source);
        // {id:int} is parsed once in the dispatch tree and once in the Allow tree, not once per literal.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(source, "RoutePath.Int32SegmentEnd").Count);
        Snapshot.Match(result.Source("Wide.Dispatch.g.cs"));
    }

    [Fact]
    public void Many_literal_routes_of_many_lengths_keep_at_most_sixteen_routes_in_one_method()
    {
        // 20 lengths with 10 routes each: no length needs a method of its own, but all of them together would make one
        // method of 200 handler calls, which the JIT stops inlining into.
        var routes = new System.Text.StringBuilder();
        for (var length = 0; length < 20; length++)
        {
            for (var i = 0; i < 10; i++)
            {
                routes.Append($"    [Route(\"GET /{new string('a', length)}r{i}\")] public static int R{length}x{i}() => {length * 10 + i};\n");
            }
        }

        var result = Generate("using HyperRoute;\n[Router]\npublic static partial class Lengths\n{\n" + routes + "}\n");

        var source = SingleSource(result);
        var literals = System.Text.RegularExpressions.Regex.Match(source, @"private static HyperRoute::RouteMatch MatchGetLiterals\(.*?\n        }\n", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.NotEmpty(literals);
        Assert.InRange(System.Text.RegularExpressions.Regex.Matches(literals, @"result = global::Lengths\.R\d+x\d+\(\);").Count, 1, 16);
        Assert.Equal(200, System.Text.RegularExpressions.Regex.Matches(source, @"result = global::Lengths\.R\d+x\d+\(\);").Count);
    }

    [Theory]
    [InlineData("GET /{slug}", "string slug")]
    [InlineData("GET /{*rest}", "string rest")]
    [InlineData("GET /{name?}", "string name = \"home\"")]
    [InlineData("POST /{id:int}/items", "int id")]
    public void A_route_that_can_start_with_any_byte_leaves_every_first_pass_without_the_early_404(string anyStart, string parameter)
    {
        var result = Generate(
            "using HyperRoute;\n[Router]\npublic static partial class Starts\n{\n"
            + "    [Route(\"GET /health\")] public static int Health() => 1;\n"
            + "    [Route(\"PUT /users/{id:int}\")] public static int Put(int id) => id;\n"
            + $"    [Route(\"{anyStart}\")] public static int Any({parameter}) => 2;\n"
            + "}\n");

        var source = SingleSource(result);
        Assert.Contains("Any(", source);
        Assert.DoesNotContain("Not compiled:", source);
        Assert.DoesNotContain("(trimmed[1] | 0x20) is not", source);

        // Without the early 404, PUT's first pass still skips the call for paths its routes cannot start with.
        Assert.Contains("if (trimmed.Length > 1 && (trimmed[1] | 0x20) is (byte)'u') // how its routes with parameters can start", source);
    }

    [Fact]
    public void Every_first_pass_answers_404_at_once_for_a_path_that_no_route_of_any_method_can_start_with()
    {
        var result = Generate(
            "using HyperRoute;\n[Router]\npublic static partial class Starts\n{\n"
            + "    [Route(\"GET /\")] public static int Root() => 0;\n"
            + "    [Route(\"GET /Health\")] public static int Health() => 1;\n"
            + "    [Route(\"PUT /users/{id:int}\")] public static int Put(int id) => id;\n"
            + "    [Route(\"DELETE /@home/{*rest}\")] public static int Delete(string rest) => 2;\n"
            + "}\n");

        // The first bytes of every method's routes, letters folded; '@' folds to '`' like the dispatch does.
        const string Check = "if (trimmed.Length > 1 && (trimmed[1] | 0x20) is not ((byte)'`' or (byte)'h' or (byte)'u') && !Routing::RoutePath.ContainsEscape(trimmed))";
        var source = SingleSource(result);

        // A miss is sorted out there, so the calls for routes with parameters go unchecked: the hits pay nothing more.
        Assert.DoesNotContain("how its routes with parameters can start", source);
        foreach (var method in new[] { "Get", "Head", "Put", "Delete" })
        {
            var pass = System.Text.RegularExpressions.Regex.Match(source, $@"RouteMatch Dispatch{method}\(.*?\n        }}\n", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
            Assert.Contains(Check, System.Text.RegularExpressions.Regex.Replace(pass, @"\s+", " ")); // however it is wrapped
        }
    }

    [Fact]
    public void Many_literals_that_lead_on_differently_put_large_branches_in_methods_of_their_own()
    {
        var routes = new System.Text.StringBuilder();
        for (var i = 0; i < 17; i++)
        {
            routes.Append(i % 2 == 0
                ? $"    [Route(\"GET /r{i:00}/{{id:int}}\")] public static int P{i}(int id) => id;\n"
                : $"    [Route(\"GET /r{i:00}/{{slug}}/x\")] public static int P{i}(System.ReadOnlySpan<byte> slug) => slug.Length;\n");
        }

        var result = Generate("using HyperRoute;\n[Router]\npublic static partial class Mixed\n{\n" + routes + "}\n");

        var source = SingleSource(result);
        Assert.Contains("private static HyperRoute::RouteMatch MatchGetParameters_1(", source);
        Assert.DoesNotContain("private static int MatchGetParameters_", source);
        Snapshot.Match(result.Source("Mixed.Dispatch.g.cs"));
    }
}
