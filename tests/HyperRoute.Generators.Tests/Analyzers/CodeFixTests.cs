using System.Threading.Tasks;
using HyperRoute.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

using PartialFix = HyperRoute.Testing.CSharpCodeFixVerifier<HyperRoute.Analyzers.RouteAnalyzer, HyperRoute.Analyzers.CodeFixes.MakeRouterPartialCodeFix>;
using ParameterFix = HyperRoute.Testing.CSharpCodeFixVerifier<HyperRoute.Analyzers.RouteAnalyzer, HyperRoute.Analyzers.CodeFixes.RouteParameterCodeFix>;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// The code fixes for HR0002 and HR0003, applied by the testing library and compared with the fixed source exactly.
/// Both fix all their diagnostics at once too (Fix All in document, project and solution, checked by the library), and
/// one at a time, each iteration counted.
/// </summary>
public sealed class CodeFixTests
{
    // ---- HR0002: make the router partial

    [Fact]
    public Task Router_without_partial_becomes_partial()
    {
        return PartialFix.VerifyCodeFixAsync(
            """
            using HyperRoute;

            [Router]
            public sealed class {|HR0002:Api|}
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
    public Task Router_and_containing_types_without_modifiers_become_partial()
    {
        return PartialFix.VerifyCodeFixAsync(
            """
            using HyperRoute;

            class Outer
            {
                [Router]
                class {|HR0002:Api|}
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
    public Task Two_routers_without_partial_both_become_partial()
    {
        return new PartialFix.Test
        {
            TestCode = """
                using HyperRoute;

                [Router]
                public sealed class {|HR0002:Api|}
                {
                    [Route("GET /")]
                    public static int Home() => 1;
                }

                [Router]
                public static class {|HR0002:Admin|}
                {
                    [Route("GET /admin")]
                    public static int Dashboard() => 1;
                }
                """,
            FixedCode = """
                using HyperRoute;

                [Router]
                public sealed partial class Api
                {
                    [Route("GET /")]
                    public static int Home() => 1;
                }

                [Router]
                public static partial class Admin
                {
                    [Route("GET /admin")]
                    public static int Dashboard() => 1;
                }
                """,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Generic_router_gets_no_partial_fix_when_it_is_already_partial()
    {
        const string Source = """
            using HyperRoute;

            [Router]
            public partial class {|HR0002:Api|}<T>
            {
                [Route("GET /")]
                public static int Home() => 1;
            }
            """;

        return PartialFix.VerifyCodeFixAsync(Source, Source);
    }

    // ---- HR0003: add the missing handler parameter

    [Theory]
    [InlineData("{id:int}", "int id")]
    [InlineData("{id:long:min(1)}", "long id")]
    [InlineData("{id:min(1):guid}", "Guid {|HR0007:id|}")] // the template contradicts itself: HR0007 follows the fix
    [InlineData("{id:bool}", "bool id")]
    [InlineData("{id:double}", "double id")]
    [InlineData("{id:decimal}", "decimal id")]
    [InlineData("{id:alpha}", "string id")]
    [InlineData("{id}", "string id")]
    [InlineData("{*id}", "string id")]
    [InlineData("{id:int?}", "int? id = null")]
    [InlineData("{id?}", "string? id = null")]
    [InlineData("{class:int}", "int @class")]
    public Task Missing_parameter_is_added_with_the_type_its_constraints_imply(string segment, string parameter)
    {
        return new ParameterFix.Test
        {
            TestCode = $$"""
                using System;
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /items/{|HR0003:{{segment}}|}")]
                    public static int Get() => 1;
                }
                """,
            FixedCode = $$"""
                using System;
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /items/{{segment}}")]
                    public static int Get({{parameter}}) => 1;
                }
                """,
            CodeActionEquivalenceKey = RouteParameterCodeFix.AddParameterKey,
            CodeActionIndex = 0,
        }.RunAsync();
    }

    [Fact]
    public Task Guid_is_spelled_fully_without_using_System()
    {
        return ParameterFix.VerifyCodeFixAsync(
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /orders/{|HR0003:{id:guid}|}")]
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
    public Task Required_parameter_goes_before_the_optional_ones()
    {
        return new ParameterFix.Test
        {
            TestCode = """
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /users/{userId:int}/posts/{|HR0003:{postId:int}|}")]
                    public static int Get(int userId, int page = 1, int size = 10) => 1;
                }
                """,
            FixedCode = """
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /users/{userId:int}/posts/{postId:int}")]
                    public static int Get(int userId, int postId, int page = 1, int size = 10) => 1;
                }
                """,
            CodeActionEquivalenceKey = RouteParameterCodeFix.AddParameterKey,
        }.RunAsync();
    }

    [Fact]
    public Task Two_missing_parameters_are_added_one_fix_at_a_time()
    {
        return new ParameterFix.Test
        {
            TestCode = """
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /users/{|HR0003:{userId:int}|}")]
                    public static int User() => 1;

                    [Route("GET /posts/{|HR0003:{slug}|}")]
                    public static int Post() => 1;
                }
                """,
            FixedCode = """
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /users/{userId:int}")]
                    public static int User(int userId) => 1;

                    [Route("GET /posts/{slug}")]
                    public static int Post(string slug) => 1;
                }
                """,
            CodeActionEquivalenceKey = RouteParameterCodeFix.AddParameterKey,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    // ---- HR0003: rename the one unmatched handler parameter

    private const string UnmatchedUserId = """
        using HyperRoute;

        [Router]
        public partial class Api
        {
            [Route("GET /users/{|HR0003:{id:int}|}")]
            public static int Get(int userId) => userId * 2;
        }
        """;

    [Fact]
    public async Task Rename_is_offered_second_and_renames_every_use()
    {
        await new ParameterFix.Test
        {
            TestCode = UnmatchedUserId,
            FixedCode = """
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /users/{id:int}")]
                    public static int Get(int id) => id * 2;
                }
                """,
            CodeActionEquivalenceKey = RouteParameterCodeFix.RenameParameterKey,
            CodeActionIndex = 1,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Rename the parameter 'userId' to 'id'", action.Title),
        }.RunAsync();

        // The first fix offered is the one that adds the parameter.
        await new ParameterFix.Test
        {
            TestCode = UnmatchedUserId,
            FixedCode = """
                using HyperRoute;

                [Router]
                public partial class Api
                {
                    [Route("GET /users/{id:int}")]
                    public static int Get(int userId, int id) => userId * 2;
                }
                """,
            CodeActionEquivalenceKey = RouteParameterCodeFix.AddParameterKey,
            CodeActionIndex = 0,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Add the parameter 'id' to 'Get'", action.Title),
        }.RunAsync();
    }

    [Fact]
    public Task Rename_is_not_offered_when_the_choice_is_ambiguous()
    {
        return VerifyOnlyAddIsOffered("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{|HR0003:{id:int}|}")]
                public static int Get(int userId, int page = 1) => 1;
            }
            """,
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:int}")]
                public static int Get(int userId, int id, int page = 1) => 1;
            }
            """);
    }

    [Fact]
    public Task Rename_is_not_offered_when_another_route_binds_the_old_name()
    {
        return VerifyOnlyAddIsOffered("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{|HR0003:{id:int}|}")]
                [Route("GET /people/{userId:int}")]
                public static int Get(int userId) => 1;
            }
            """,
            """
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:int}")]
                [Route("GET /people/{userId:int}")]
                public static int Get(int userId, int id) => 1;
            }
            """);
    }

    // No fix at the second index and no rename fix: the one fix offered adds 'id'.
    private static async Task VerifyOnlyAddIsOffered(string source, string added)
    {
        await new ParameterFix.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = RouteParameterCodeFix.RenameParameterKey,
        }.RunAsync();
        await new ParameterFix.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionIndex = 1,
        }.RunAsync();
        await new ParameterFix.Test
        {
            TestCode = source,
            FixedCode = added,
            CodeActionEquivalenceKey = RouteParameterCodeFix.AddParameterKey,
            CodeActionIndex = 0,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Add the parameter 'id' to 'Get'", action.Title),
        }.RunAsync();
    }
}
