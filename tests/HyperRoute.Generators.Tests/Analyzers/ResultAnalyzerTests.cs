using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// What a handler returns and what a router gets: a result that cannot be written (HR0018), a router without
/// <c>HttpEndpoint</c> (HR0019) or without any entry point (HR0020), a query in a template (HR0021), a service parameter
/// (HR0022); each at its exact place, with its message.
/// </summary>
public sealed class ResultAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using HyperRoute;
        using HyperRoute.Http;
        using HyperRoute.Http.Results;

        public sealed record Todo(int Id, string Title);

        [JsonSerializable(typeof(Todo))]
        public sealed class AppJson : JsonSerializerContext
        {
            public AppJson() : base(null) { }
            public static AppJson Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        """;

    [Fact]
    public Task Values_text_bytes_and_typed_results_of_listed_types_report_nothing()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(Usings + """
            [Router(Json = typeof(AppJson))]
            public static partial class Api
            {
                [Route("GET /todos/{id:int}")]
                public static Results<Ok<Todo>, NotFound> Get(int id) => HttpResults.NotFound();

                [Route("GET /todo")]
                public static Todo One() => new(1, "a");

                [Route("GET /health")]
                public static string Health() => "ok";

                [Route("GET /bytes")]
                public static byte[] Bytes() => Array.Empty<byte>();
            }
            """);

    [Fact]
    public Task A_value_the_context_does_not_list_is_reported_on_the_return_type_with_the_attribute_to_add()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router(Json = typeof(AppJson))]
            public static partial class Api
            {
                [Route("GET /todos")]
                public static {|#0:List<Todo>|} List() => new();

                [Route("GET /health")]
                public static string Health() => "ok";
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0018").WithLocation(0).WithArguments(
                "List",
                "List<Todo>",
                "would be written as JSON, but the router's JSON context 'AppJson' does not list it; add [JsonSerializable(typeof(List<Todo>))] to 'AppJson'"));

    [Fact]
    public Task A_union_case_whose_value_is_not_listed_is_reported_on_the_return_type()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router(Json = typeof(AppJson))]
            public static partial class Api
            {
                [Route("GET /todos/{id:int}")]
                public static {|#0:Results<Ok<Todo>, BadRequest<string[]>>|} Get(int id) => HttpResults.Ok(new Todo(id, "a"));

                [Route("GET /health")]
                public static string Health() => "ok";
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0018").WithLocation(0).WithArguments(
                "Get",
                "Results<Ok<Todo>, BadRequest<string[]>>",
                "has case 2, 'BadRequest<string[]>', whose value 'string[]' is written as JSON, would be written as JSON, but the router's JSON context 'AppJson' does not list it; add [JsonSerializable(typeof(string[]))] to 'AppJson'"));

    [Fact]
    public Task A_router_returning_its_own_type_without_a_json_context_says_why_it_has_no_endpoint()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class {|#0:Api|}
            {
                [Route("GET /todos/{id:int}")]
                public static Todo Get(int id) => new(id, "a");
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0019").WithLocation(0).WithArguments(
                "Api",
                "its handlers return 'Todo', which would be written as JSON, but the router names no JSON context; add [Router(Json = typeof(AppJson))] with a System.Text.Json JsonSerializerContext that lists it: [JsonSerializable(typeof(Todo))] partial class AppJson : JsonSerializerContext"));

    [Fact]
    public Task A_struct_router_with_instance_handlers_that_binds_the_request_gets_no_entry_point()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public partial struct {|#0:Counter|}
            {
                private int _count;

                [Route("POST /count")]
                public void Count(HttpResponse response) => _count++;
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0020").WithLocation(0).WithArguments(
                "Counter",
                "it is a struct with instance handlers, and a readonly endpoint would run them on a copy; make the router a class (its routes bind the HTTP request, so it gets no Dispatch either)"));

    [Fact]
    public Task A_query_in_the_template_is_reported_on_the_query_with_the_parameters_to_bind_it()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router(Json = typeof(AppJson))]
            public static partial class Api
            {
                [Route("GET /todos{|#0:?done={done}|}")]
                public static Todo List(bool? done) => new(1, "a");
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0021").WithLocation(0).WithArguments(
                "GET /todos?done={done}",
                "route \"GET /todos\" and bind the query by handler parameter name: 'bool? done' (nullable, or with a default, when it may be absent)"));

    [Fact]
    public Task A_service_parameter_is_reported_on_it_with_how_services_reach_handlers()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            public interface ITodoStore { }

            [Router(Json = typeof(AppJson))]
            public static partial class Api
            {
                [Route("GET /todos/{id:int}")]
                public static Todo Get(int id, ITodoStore {|#0:store|}) => new(id, "a");
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0022").WithLocation(0).WithArguments("store", "ITodoStore", "Api"));
}
