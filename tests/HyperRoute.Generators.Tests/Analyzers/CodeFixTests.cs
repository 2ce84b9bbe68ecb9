using HyperRoute.Analyzers;
using HyperRoute.Analyzers.CodeFixes;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>The code fixes for HR0002 and HR0003, applied in a workspace and compared with the fixed source exactly.</summary>
public sealed class CodeFixTests
{
    // ---- HR0002: make the router partial

    [Fact]
    public void Router_without_partial_becomes_partial()
    {
        CodeFixHarness.Verify<RouteAnalyzer, MakeRouterPartialCodeFix>(
            "HR0002",
            """
            using HyperRoute;

            [Router]
            public sealed class Api
            {
                [Route("GET /")]
                public static int Home() => 1;
            }
            """,
            """
            using HyperRoute;

            [Router]
            public sealed partial class Api
            {
                [Route("GET /")]
                public static int Home() => 1;
            }
            """);
    }

    [Fact]
    public void Router_and_containing_types_without_modifiers_become_partial()
    {
        CodeFixHarness.Verify<RouteAnalyzer, MakeRouterPartialCodeFix>(
            "HR0002",
            """
            using HyperRoute;

            class Outer
            {
                [Router]
                class Api
                {
                    [Route("GET /")]
                    public static int Home() => 1;
                }
            }
            """,
            """
            using HyperRoute;

            partial class Outer
            {
                [Router]
                partial class Api
                {
                    [Route("GET /")]
                    public static int Home() => 1;
                }
            }
            """);
    }

    [Fact]
    public void Generic_router_gets_no_partial_fix_when_it_is_already_partial()
    {
        var titles = CodeFixHarness.OfferedTitles<RouteAnalyzer, MakeRouterPartialCodeFix>("HR0002", """
            using HyperRoute;

            [Router]
            public partial class Api<T>
            {
                [Route("GET /")]
                public static int Home() => 1;
            }
            """);

        Assert.Empty(titles);
    }

    // ---- HR0003: add the missing handler parameter

    [Theory]
    [InlineData("{id:int}", "int id")]
    [InlineData("{id:long:min(1)}", "long id")]
    [InlineData("{id:min(1):guid}", "Guid id")]
    [InlineData("{id:bool}", "bool id")]
    [InlineData("{id:double}", "double id")]
    [InlineData("{id:decimal}", "decimal id")]
    [InlineData("{id:alpha}", "string id")]
    [InlineData("{id}", "string id")]
    [InlineData("{*id}", "string id")]
    [InlineData("{id:int?}", "int? id = null")]
    [InlineData("{id?}", "string? id = null")]
    [InlineData("{class:int}", "int @class")]
    public void Missing_parameter_is_added_with_the_type_its_constraints_imply(string segment, string parameter)
    {
        CodeFixHarness.Verify<RouteAnalyzer, RouteParameterCodeFix>(
            "HR0003",
            $$"""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /items/{{segment}}")]
                public static int Get() => 1;
            }
            """,
            $$"""
            using System;
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /items/{{segment}}")]
                public static int Get({{parameter}}) => 1;
            }
            """,
            RouteParameterCodeFix.AddParameterKey);
    }

    [Fact]
    public void Guid_is_spelled_fully_without_using_System()
    {
        CodeFixHarness.Verify<RouteAnalyzer, RouteParameterCodeFix>(
            "HR0003",
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /orders/{id:guid}")]
                public static int Get() => 1;
            }
            """,
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /orders/{id:guid}")]
                public static int Get(System.Guid id) => 1;
            }
            """);
    }

    [Fact]
    public void Required_parameter_goes_before_the_optional_ones()
    {
        CodeFixHarness.Verify<RouteAnalyzer, RouteParameterCodeFix>(
            "HR0003",
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{userId:int}/posts/{postId:int}")]
                public static int Get(int userId, int page = 1, int size = 10) => 1;
            }
            """,
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{userId:int}/posts/{postId:int}")]
                public static int Get(int userId, int postId, int page = 1, int size = 10) => 1;
            }
            """,
            RouteParameterCodeFix.AddParameterKey);
    }

    // ---- HR0003: rename the one unmatched handler parameter

    [Fact]
    public void Rename_is_offered_second_and_renames_every_use()
    {
        const string Source = """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:int}")]
                public static int Get(int userId) => userId * 2;
            }
            """;

        Assert.Equal(
            new[] { "Add the parameter 'id' to 'Get'", "Rename the parameter 'userId' to 'id'" },
            CodeFixHarness.OfferedTitles<RouteAnalyzer, RouteParameterCodeFix>("HR0003", Source));
        CodeFixHarness.Verify<RouteAnalyzer, RouteParameterCodeFix>(
            "HR0003",
            Source,
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:int}")]
                public static int Get(int id) => id * 2;
            }
            """,
            RouteParameterCodeFix.RenameParameterKey);
    }

    [Fact]
    public void Rename_is_not_offered_when_the_choice_is_ambiguous()
    {
        var titles = CodeFixHarness.OfferedTitles<RouteAnalyzer, RouteParameterCodeFix>("HR0003", """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:int}")]
                public static int Get(int userId, int page = 1) => 1;
            }
            """);

        Assert.Equal(new[] { "Add the parameter 'id' to 'Get'" }, titles);
    }

    [Fact]
    public void Rename_is_not_offered_when_another_route_binds_the_old_name()
    {
        var titles = CodeFixHarness.OfferedTitles<RouteAnalyzer, RouteParameterCodeFix>("HR0003", """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:int}")]
                [Route("GET /people/{userId:int}")]
                public static int Get(int userId) => 1;
            }
            """);

        Assert.Equal(new[] { "Add the parameter 'id' to 'Get'" }, titles);
    }
}
