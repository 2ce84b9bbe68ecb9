extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// The printable route table (<c>Routes</c>, <c>HttpEndpoint.RouteAt</c>): one <c>RouteInfo</c> per route with the
/// template the server's telemetry reports as <c>http.route</c>, emitted as constants into the router's file.
/// </summary>
public sealed class RouteTableSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    [Fact]
    public void The_route_table_lists_each_route_with_its_prefixed_template_handler_steps_and_responses()
    {
        var result = Generate("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using HyperRoute;
            using HyperRoute.Http;

            namespace Shop;

            [Validator]
            public partial struct ApiKey : IRequestValidator
            {
                public static ValidationResult Validate(HttpRequest request) => ValidationResult.Ok;
            }

            [Validator]
            public partial struct PositiveId : IValidator<int>
            {
                public static ValidationResult Validate(in int value) => value > 0 ? ValidationResult.Ok : ValidationResult.Fail("must be positive"u8);
            }

            [Transform]
            public partial struct Clamp : ITransform<int>
            {
                public static void Transform(ref int value) => value = Math.Min(value, 1000);
            }

            [Transform]
            public partial struct NoStore : IResponseTransform
            {
                public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
            }

            [Router(Prefix = "/api")]
            [Validate<ApiKey>]
            public static partial class CatalogApi
            {
                [Route("GET /items/{id:int}")]
                [Transform<NoStore>]
                public static string Get([Validate<PositiveId>, Transform<Clamp>] int id) => "item";

                [Route("DELETE /items/{id:int}")]
                public static async ValueTask<string> Delete(int id, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return "deleted";
                }

                [Route("GET /files/{*path}")]
                public static string File(string path) => path;
            }
            """);

        var source = result.Source("Shop.CatalogApi.Dispatch.g.cs");
        Assert.Contains("\"/api/items/{id:int}\",", source.Source);
        Assert.Contains("new[] { \"ApiKey\", \"PositiveId(id)\" },", source.Source);
        Assert.Contains("new[] { \"Clamp(id)\", \"NoStore\" },", source.Source);
        Assert.Equal(3, source.Source.Split("new Diagnostics::RouteInfo(").Length - 1);
        Snapshot.Match(source);
    }
}
