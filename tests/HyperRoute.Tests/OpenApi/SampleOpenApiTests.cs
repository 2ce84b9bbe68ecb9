using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Samples.Api;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace HyperRoute.Tests.OpenApi;

/// <summary>
/// The sample API's OpenAPI document, written by the generator at compile time (<c>[OpenApi]</c> on <c>ShopApi</c>):
/// Microsoft.OpenApi reads it without an error or a warning, its schemas are the ones its routes and types say, and
/// <c>GET /openapi.json</c> serves it.
/// </summary>
public sealed class SampleOpenApiTests
{
    // As written: '+' in a media type stays '+'.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode Document => JsonNode.Parse(ShopApi.OpenApiJson)!;

    private static JsonNode Operation(string path, string method) => Document["paths"]![path]![method]!;

    [Fact]
    public void Microsoft_OpenApi_reads_the_document_without_errors_or_warnings()
    {
        var result = OpenApiDocument.Parse(ShopApi.OpenApiJson, "json");

        Assert.Empty(result.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(w => w.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        var document = result.Document!;
        Assert.Equal("Shop API", document.Info.Title);
        Assert.Equal("1.0.0", document.Info.Version);
        Assert.Equal("GetTodo", document.Paths["/todos/{id}"].Operations![HttpMethod.Get].OperationId);
        Assert.Equal("CreateTodo", document.Paths["/todos"].Operations![HttpMethod.Post].OperationId);
    }

    [Fact]
    public void A_constrained_route_parameter_is_a_required_path_parameter_with_the_constraint_s_schema()
    {
        var id = Operation("/todos/{id}", "get")["parameters"]![0]!;

        Assert.Equal(
            """{"name":"id","in":"path","required":true,"schema":{"type":"integer","format":"int32"}}""",
            id.ToJsonString(Relaxed));
    }

    [Fact]
    public void Query_parameters_are_optional_with_their_defaults_and_nullable_ones_are_optional_without()
    {
        var users = Operation("/users", "get")["parameters"]!.AsArray().Select(p => p!.ToJsonString(Relaxed));
        var todos = Operation("/todos", "get")["parameters"]!.AsArray().Select(p => p!.ToJsonString(Relaxed));

        Assert.Equal(
            [
                """{"name":"page","in":"query","required":false,"schema":{"type":"integer","format":"int32","default":1}}""",
                """{"name":"size","in":"query","required":false,"schema":{"type":"integer","format":"int32","default":20}}""",
            ],
            users);
        Assert.Equal(["""{"name":"done","in":"query","required":false,"schema":{"type":"boolean"}}"""], todos);
    }

    [Fact]
    public void A_typed_body_refers_to_its_component_schema_named_with_web_defaults()
    {
        var body = Operation("/todos", "post")["requestBody"]!;
        var input = Document["components"]!["schemas"]!["TodoInput"]!;

        Assert.Equal("""{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/TodoInput"}}},"required":true}""", body.ToJsonString(Relaxed));
        Assert.Equal("""{"type":"object","properties":{"title":{"type":["string","null"]},"done":{"type":"boolean"}}}""", input.ToJsonString(Relaxed));
    }

    [Fact]
    public void Each_case_of_a_results_union_is_a_response_and_a_validation_problem_is_problem_json()
    {
        var responses = Operation("/todos/{id}", "put")["responses"]!;

        Assert.Equal(["200", "400", "404"], responses.AsObject().Select(r => r.Key));
        Assert.Equal("""{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Todo"}}}}""", responses["200"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"description":"Bad Request","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}""", responses["400"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"description":"Not Found"}""", responses["404"]!.ToJsonString(Relaxed));
        Assert.Equal("""{"description":"No Content"}""", Operation("/todos/{id}", "delete")["responses"]!["204"]!.ToJsonString(Relaxed));
        Assert.Equal(
            """{"description":"OK","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Todo"}}}}}""",
            Operation("/todos", "get")["responses"]!["200"]!.ToJsonString(Relaxed));
    }

    [Fact]
    public void The_route_that_serves_the_document_is_not_in_it()
    {
        Assert.DoesNotContain("openapi.json", ShopApi.OpenApiJson);
        Assert.DoesNotContain("GET /openapi.json", ShopApi.RoutePatterns);
    }

    [Theory]
    [InlineData("HEAD", 200)]
    [InlineData("POST", 405)]
    [InlineData("DELETE", 405)]
    public void Head_is_answered_and_other_methods_get_405_with_GET_and_HEAD_allowed(string method, int status)
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.UTF8.GetBytes($"{method} /openapi.json HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(HttpError.None, exchange.Request.Load<ShopApi.HttpEndpoint>(bytes, 0, bytes.Length));

        var match = new ShopApi.HttpEndpoint().Serve(exchange);

        Assert.Equal(status, match.IsHandled ? exchange.Response.StatusCode : match.StatusCode);
        if (status == 405)
        {
            Assert.Equal(HttpMethods.Get | HttpMethods.Head, match.Allow);
        }
        else
        {
            Assert.True(match.IsHandled);
            Assert.Equal(-1, match.Route);
        }
    }

    [Fact]
    public async Task Get_openapi_json_serves_the_document()
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.UTF8.GetBytes("GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(HttpError.None, exchange.Request.Load<ShopApi.HttpEndpoint>(bytes, 0, bytes.Length));

        var match = await new ShopApi.HttpEndpoint().ServeAsync(exchange);

        Assert.True(match.IsHandled, match.ToString());
        Assert.Equal(200, exchange.Response.StatusCode);
        Assert.Equal(ShopApi.OpenApiDocument.ToArray(), exchange.Response.Body.ToArray());
        Assert.True(exchange.Response.TryGetHeader("Content-Type"u8, out var contentType));
        Assert.Equal("application/json", Encoding.ASCII.GetString(contentType));
    }
}
