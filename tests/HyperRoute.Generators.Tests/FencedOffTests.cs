extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>The names the generator declares on a router are reserved (HR0014): a router that declares one gets no code.</summary>
public sealed class FencedOffTests : GeneratorTestBase
{
    [Theory]
    [InlineData("public static void Dispatch() { }")]
    [InlineData("public int RoutePatterns => 0;")]
    [InlineData("public static string ParameterName = \"\";")]
    [InlineData("public sealed class HttpEndpoint { }")]
    [InlineData("private static class HyperRouteDispatcher { }")]
    public void A_router_with_a_member_named_like_a_generated_one_gets_no_source_so_no_error_in_generated_code(string member)
    {
        var result = GeneratorHarness.Run(new RouterGenerator(), CompilationFactory.Create($$"""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                {{member}}
            }
            """));

        Assert.Empty(result.Sources);
        GeneratorHarness.AssertCompilesCleanly(result);
    }
}
