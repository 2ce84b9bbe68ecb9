extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// Several routers in one server: an <c>[App]</c> serves the routes of its routers, with their prefixes, through one
/// decision tree; each route calls its handler by its router's name with that router's validators, transforms, JSON
/// context and result. Every test also runs the generator twice and asserts the second run is cached.
/// </summary>
public sealed class AppSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    protected override string[] TrackedSteps { get; } = [TrackingNames.Parse, TrackingNames.Routers, TrackingNames.AppParse, TrackingNames.Apps];

    internal const string Shop = """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading;
        using System.Threading.Tasks;
        using HyperRoute;
        using HyperRoute.Http;
        using HyperRoute.Http.Results;

        namespace Shop;

        public sealed record Todo(int Id, string Title);

        public sealed record Status(string Name);

        [JsonSerializable(typeof(Todo))]
        public sealed class TodoJson : JsonSerializerContext
        {
            public TodoJson() : base(null) { }
            public static TodoJson Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
        [JsonSerializable(typeof(Status))]
        [JsonSerializable(typeof(Todo))]
        public sealed class StatusJson : JsonSerializerContext
        {
            public StatusJson() : base(null) { }
            public static StatusJson Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [Validator]
        public partial struct ApiKey : IRequestValidator
        {
            public static ValidationResult Validate(HttpRequest request) => ValidationResult.Ok;
        }

        [Transform]
        public partial struct NoStore : IResponseTransform
        {
            public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
        }

        [Router(Prefix = "/api/todos", Json = typeof(TodoJson))]
        [Validate<ApiKey>]
        [Transform<NoStore>]
        public static partial class TodoApi
        {
            [Route("GET /{id:int}")]
            public static Todo Get(int id) => new(id, "todo");

            [Route("POST /")]
            public static Created<Todo> Create([Body] Todo todo, [Header("X-Tenant")] string tenant) => HttpResults.Created("/api/todos/" + todo.Id, todo);

            [Route("GET /slow/{id:int}")]
            [HandlerTimeout(500)]
            public static async ValueTask<Todo> Slow(int id, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return new(id, "slow");
            }
        }

        [Router(Json = typeof(StatusJson))]
        public static partial class StatusApi
        {
            [Route("GET /health")]
            public static string Health() => "ok";

            [Route("GET /status")]
            internal static Status Get([Header("X-Tenant")] string? tenant) => new("up");

            [Route("DELETE /api/todos/{id:int}")]
            public static void Delete(int id, HttpResponse response) => response.StatusCode = 204;

            [Route("GET /api/todos/export")]
            public static Todo Export() => new(0, "export");
        }

        """;

    [Fact]
    public void An_app_routes_its_routers_in_one_tree_each_route_with_its_router_s_steps_json_context_and_result()
    {
        var result = Generate(Shop + """
            [App(typeof(TodoApi), typeof(StatusApi))]
            public static partial class ShopApp;
            """);

        var source = result.Source("Shop.ShopApp.App.g.cs");
        Assert.Contains("global::Shop.TodoApi.Get(idArg)", source.Source);
        Assert.Contains("global::Shop.StatusApi.Get(", source.Source);
        Assert.Contains("s_json_Shop_TodoJson__Shop_Todo", source.Source);
        Assert.Contains("s_json_Shop_StatusJson__Shop_Todo", source.Source);
        Assert.Contains("public static int HeaderSlotCount => 1;", source.Source);
        Assert.DoesNotContain("public static HyperRoute::RouteMatch Dispatch(", source.Source);
        Snapshot.Match(source);
    }

    [Fact]
    public void An_app_of_three_routers_keeps_each_router_s_own_endpoint()
    {
        var result = Generate("""
            using HyperRoute;
            using HyperRoute.Http;

            namespace Shop;

            [Router(Prefix = "/a")]
            public static partial class A
            {
                [Route("GET /items/{id:int}")]
                public static string Get(int id) => "a";
            }

            [Router(Prefix = "/b")]
            public static partial class B
            {
                [Route("GET /items/{id:int}")]
                public static string Get(int id) => "b";
            }

            [Router]
            public static partial class C
            {
                [Route("GET /")]
                public static void Root(HttpResponse response) => response.StatusCode = 204;
            }

            [App(typeof(A), typeof(B), typeof(C))]
            public static partial class Abc;
            """);

        Assert.Contains("public readonly struct HttpEndpoint", result.Source("Shop.A.Dispatch.g.cs").Source);
        Snapshot.Match(result.Source("Shop.Abc.App.g.cs"));
    }
}
