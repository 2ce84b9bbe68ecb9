extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>Several routers in one server: a router prefix.</summary>
public sealed class PrefixSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    [Fact]
    public void A_prefix_is_part_of_every_pattern_and_the_root_route_is_the_prefix_itself()
    {
        var result = Generate("""
            using HyperRoute;
            using HyperRoute.Http;

            namespace Shop;

            [Router(Prefix = "/api/v1")]
            public static partial class TodoApi
            {
                [Route("GET /")]
                public static string Index() => "todos";

                [Route("GET /todos/{id:int}")]
                public static string Get(int id) => "todo " + id;

                [Route("DELETE /todos/{id:int}")]
                public static void Delete(int id)
                {
                }

                [Route("GET /files/{*path}")]
                public static string File(string path) => path;
            }
            """);

        Snapshot.Match(result.Source("Shop.TodoApi.Dispatch.g.cs"));
    }
}
