extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// What handlers return: values written as JSON through the router's context (web defaults unless it has options), text,
/// bytes, typed results and <c>Results&lt;…&gt;</c> unions, each route its own type, synchronously or after an await.
/// Every test also runs the generator twice and asserts the second run is cached.
/// </summary>
public sealed class ResultSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    private const string Types = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;
        using HyperRoute;
        using HyperRoute.Http;
        using HyperRoute.Http.Results;

        namespace Todos;

        public sealed record Todo(int Id, string Title, bool Done);

        [JsonSerializable(typeof(Todo))]
        [JsonSerializable(typeof(List<Todo>))]
        public sealed class TodoJson : JsonSerializerContext
        {
            public TodoJson() : base(null) { }
            public static TodoJson Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        """;

    [Fact]
    public void Handlers_returning_values_text_and_bytes_each_write_their_own_in_their_route()
    {
        var result = Generate(Types + """
            [Router(Json = typeof(TodoJson))]
            public static partial class TodoApi
            {
                [Route("GET /todos/{id:int}")]
                public static Todo Get(int id) => new(id, "t", false);

                [Route("GET /todos")]
                public static List<Todo> List(bool? done) => new();

                [Route("GET /health")]
                public static string Health() => "ok";

                [Route("GET /logo")]
                public static ReadOnlyMemory<byte> Logo() => default;

                [Route("POST /todos")]
                public static void Create([Body] Todo todo, HttpResponse response) { }
            }
            """);

        var source = SingleSource(result);
        Assert.Contains("Http::Results.ResultWriter.Json<global::Todos.Todo>(exchange.Response, result!, HyperRouteDispatcher.s_json_Todos_Todo);", source);
        Assert.Contains("Http::Results.ResultWriter.Text(exchange.Response, result);", source);
        Assert.Contains("new(System::Text.Json.JsonSerializerDefaults.Web) { TypeInfoResolver = global::Todos.TodoJson.Default };", source);
        Assert.DoesNotContain("public static HyperRoute::RouteMatch Dispatch(", source);
        Snapshot.Match(result.Source("Todos.TodoApi.Dispatch.g.cs"));
    }

    [Fact]
    public void A_union_result_is_a_switch_on_its_case_with_each_value_written_by_its_type_info()
    {
        var result = Generate(Types + """
            [Router(Json = typeof(TodoJson))]
            public static partial class TodoApi
            {
                [Route("GET /todos/{id:int}")]
                public static Results<Ok<Todo>, NotFound> Get(int id) => HttpResults.NotFound();

                [Route("DELETE /todos/{id:int}")]
                public static Results<NoContent, NotFound, ProblemHttpResult> Delete(int id) => HttpResults.NoContent();
            }
            """);

        var source = SingleSource(result);
        Assert.Contains("case 1: // Ok<Todos.Todo>: 200 application/json", source);
        Assert.Contains("result.Result1.WriteTo(exchange.Response, HyperRouteDispatcher.s_json_Todos_Todo);", source);
        Assert.Contains("case 3: // ProblemHttpResult: status at run time application/problem+json", source);
        Snapshot.Match(result.Source("Todos.TodoApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Async_and_synchronous_results_of_different_types_are_written_in_place_or_after_the_work_completes()
    {
        var result = Generate(Types + """
            [Router(Json = typeof(TodoJson))]
            public static partial class TodoApi
            {
                [Route("GET /todos/{id:int}")]
                public static async ValueTask<Results<Ok<Todo>, NotFound>> Get(int id)
                {
                    await Task.Yield();
                    return HttpResults.NotFound();
                }

                [Route("GET /todos")]
                public static Task<List<Todo>> List() => Task.FromResult(new List<Todo>());

                [Route("GET /health")]
                public static string Health() => "ok";
            }
            """);

        var source = SingleSource(result);
        Assert.Contains("CompleteGet_0(", source);
        Assert.Contains("CompleteList_1(new System::Threading.Tasks.ValueTask<global::System.Collections.Generic.List<global::Todos.Todo>>(work), exchange)", source);
        Snapshot.Match(result.Source("Todos.TodoApi.Dispatch.g.cs"));
    }

    [Fact]
    public void One_shared_value_type_keeps_dispatch_and_serve_writes_it_with_the_context_s_own_options()
    {
        var result = Generate(Types + """
            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
            [JsonSerializable(typeof(Todo))]
            public sealed class SnakeJson : JsonSerializerContext
            {
                public SnakeJson() : base(null) { }
                public static SnakeJson Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            [Router(Json = typeof(SnakeJson))]
            public static partial class TodoApi
            {
                [Route("GET /todos/{id:int}")]
                public static Todo Get(int id) => new(id, "t", false);
            }
            """);

        var source = SingleSource(result);
        Assert.Contains("out global::Todos.Todo result)", source);
        Assert.Contains("global::Todos.SnakeJson.Default.GetTypeInfo(typeof(global::Todos.Todo))!;", source);
        Assert.DoesNotContain("JsonSerializerDefaults.Web", source);
        Snapshot.Match(result.Source("Todos.TodoApi.Dispatch.g.cs"));
    }
}
