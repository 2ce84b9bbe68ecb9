extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// <c>[OpenApi]</c>: the OpenAPI 3.1 document of a router or an app, written at compile time into a file of its own
/// (<c>{Namespace}.{Type}.OpenApi.g.cs</c>). Every test also runs the generator twice and asserts the second run is cached.
/// </summary>
public sealed class OpenApiSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    protected override string[] TrackedSteps { get; } = [TrackingNames.Parse, TrackingNames.Routers];

    private const string Todos = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using HyperRoute;
        using HyperRoute.Http;
        using HyperRoute.Http.Results;

        namespace Todos;

        public enum Priority { Low, High }

        public sealed record Todo(int Id, string Title, bool Done, string? Note, Priority Priority, List<string> Tags, DateTime? Due);

        public sealed class TodoInput
        {
            public required string Title { get; init; }
            public bool Done { get; init; }
            [JsonPropertyName("note_text")] public string? Note { get; init; }
            [JsonIgnore] public int Secret { get; init; }
        }

        [JsonSerializable(typeof(Todo))]
        [JsonSerializable(typeof(TodoInput))]
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
    public void A_router_s_document_maps_constraints_query_and_header_parameters_a_typed_body_union_results_and_xml_docs()
    {
        var result = Generate(Todos + """
            [Router(Json = typeof(TodoJson))]
            [OpenApi(Title = "Todo API", Version = "2.1.0")]
            public static partial class TodoApi
            {
                /// <summary>Lists the todos.</summary>
                /// <remarks>Filtered by <paramref name="done"/> when given.</remarks>
                /// <param name="done">Only the done (or the open) todos.</param>
                /// <param name="take">At most this many.</param>
                [Route("GET /todos")]
                public static List<Todo> List(bool? done, int take = 50) => new();

                /// <summary>One todo.</summary>
                [Route("GET /todos/{id:int:min(1)}")]
                public static Results<Ok<Todo>, NotFound> Get(int id, [Header("X-Tenant")] string? tenant) => HttpResults.NotFound();

                [Route("POST /todos")]
                public static Results<Created<Todo>, ValidationProblem> Create([Body] TodoInput input)
                    => HttpResults.Created("/todos/1", new Todo(1, input.Title, false, null, Priority.Low, new(), null));

                [Route("DELETE /todos/{id:long:range(1,99)}")]
                public static void Delete(long id) { }

                [Route("GET /tags/{name:alpha:length(2,16)}/{page:int?}")]
                public static string Tag(string name, int? page) => name;

                [Route("GET /files/{*path}")]
                public static string File(string path) => path;

                [Route("GET /by-guid/{key:guid}")]
                public static string ByGuid(Guid key) => "";
            }
            """);

        var source = result.Source("Todos.TodoApi.OpenApi.g.cs");
        Assert.Contains("public static global::System.ReadOnlySpan<byte> OpenApiDocument", source.Source);
        Assert.Contains("\"openapi\": \"3.1.0\"", source.Source);
        Snapshot.Match(source);
    }

    [Fact]
    public void A_document_route_is_served_by_the_endpoint_only_when_no_route_answers_its_path()
    {
        var result = Generate(Todos + """
            [Router(Json = typeof(TodoJson), Prefix = "/api")]
            [OpenApi(Title = "Todo API", Route = "/openapi.json")]
            public static partial class TodoApi
            {
                [Route("GET /todos")]
                public static List<Todo> List() => new();
            }
            """);

        var dispatch = result.Source("Todos.TodoApi.Dispatch.g.cs");
        Assert.Contains("""System::MemoryExtensions.SequenceEqual(path, "/openapi.json"u8)""", dispatch.Source);
        Assert.Contains("return Http::OpenApiDocumentRoute.Serve(exchange, OpenApiDocument);", dispatch.Source);
        var document = result.Source("Todos.TodoApi.OpenApi.g.cs").Source;
        Assert.Contains("\"/api/todos\"", document);
        Assert.DoesNotContain("openapi.json", document); // the document does not list the route that serves it
        Snapshot.Match(dispatch);
    }

    [Fact]
    public void A_router_without_OpenApi_gets_no_document()
    {
        var result = Generate(Todos + """
            [Router(Json = typeof(TodoJson))]
            public static partial class TodoApi
            {
                [Route("GET /todos")]
                public static List<Todo> List() => new();
            }
            """);

        Assert.DoesNotContain(result.Sources, s => s.HintName.EndsWith(".OpenApi.g.cs", System.StringComparison.Ordinal));
    }
}
