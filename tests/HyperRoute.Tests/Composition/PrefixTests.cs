using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Composition;

/// <summary>
/// <c>[Router(Prefix = "/api/v1")]</c>: every route answers under the prefix and nowhere else, through the router's own
/// endpoint, in-process and on the built-in server; its patterns carry the prefix.
/// </summary>
public sealed class PrefixTests
{
    [Theory]
    [InlineData("GET /api/v1/todos/7", "todo 7")]
    [InlineData("GET /API/V1/todos/7", "todo 7")]
    [InlineData("GET /api/v1", "todos")]
    [InlineData("GET /api/v1/", "todos")]
    [InlineData("GET /api/v1/files/a/b.txt", "file a/b.txt")]
    [InlineData("GET /api/%761/todos/8", "todo 8")]
    public async Task Routes_answer_under_the_prefix(string request, string body)
    {
        var (match, exchange) = await Serve(request);

        Assert.Equal(RouteOutcome.Handled, match.Outcome);
        Assert.Equal(200, exchange.Response.StatusCode);
        Assert.Equal(body, Encoding.UTF8.GetString(exchange.Response.Body));
    }

    [Theory]
    [InlineData("GET /todos/7")]
    [InlineData("GET /")]
    [InlineData("GET /api/v2/todos/7")]
    [InlineData("GET /api/v1x/todos/7")]
    [InlineData("GET /api/todos/7")]
    public async Task Paths_outside_the_prefix_are_not_found(string request)
    {
        var (match, _) = await Serve(request);

        Assert.Equal(RouteOutcome.NotFound, match.Outcome);
    }

    [Fact]
    public async Task Method_not_allowed_lists_the_methods_of_the_prefixed_path()
    {
        var (match, _) = await Serve("PUT /api/v1/todos/7");

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head | HttpMethods.Delete, match.Allow);
    }

    [Fact]
    public async Task A_void_route_under_the_prefix_writes_its_response()
    {
        var (match, exchange) = await Serve("DELETE /api/v1/todos/7");

        Assert.Equal(RouteOutcome.Handled, match.Outcome);
        Assert.Equal(200, exchange.Response.StatusCode);
        Assert.Equal(0, exchange.Response.BodyLength);
    }

    [Fact]
    public void Route_patterns_and_dispatch_carry_the_prefix()
    {
        Assert.Equal(
            new[] { "GET /api/v1", "GET /api/v1/todos/{id:int}", "DELETE /api/v1/todos/{id:int}", "GET /api/v1/files/{*path}" },
            PrefixedTodoApi.RoutePatterns.ToArray());

        var match = PrefixedTodoApi.Dispatch("GET"u8, "/api/v1/todos/3"u8, default, out var result);
        Assert.True(match.IsHandled);
        Assert.Equal("GET /api/v1/todos/{id:int}", PrefixedTodoApi.RoutePatterns[match.Route]);
        Assert.Equal("todo 3", result);
        Assert.Equal(RouteOutcome.NotFound, PrefixedTodoApi.Dispatch("GET"u8, "/todos/3"u8, default, out _).Outcome);
    }

    [Fact]
    public async Task The_built_in_server_answers_under_the_prefix_and_404s_outside_it()
    {
        await using var server = TestServer<PrefixedTodoApi.HttpEndpoint>.Start(default, "sockets");
        using var client = server.Connect();

        client.Send(Requests.Get("/api/v1/todos/3") + Requests.Get("/todos/3") + Requests.Get("/api/v1"));

        var found = client.Read();
        Assert.Equal((200, "todo 3"), (found.Status, found.BodyText));
        var missing = client.Read();
        Assert.Equal((404, "application/problem+json"), (missing.Status, missing.Header("Content-Type")));
        var index = client.Read();
        Assert.Equal((200, "todos"), (index.Status, index.BodyText));
    }

    private static async Task<(RouteMatch Match, HttpExchange Exchange)> Serve(string requestLine)
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.UTF8.GetBytes(requestLine + " HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(HttpError.None, exchange.Request.Load<PrefixedTodoApi.HttpEndpoint>(bytes, 0, bytes.Length));
        var match = await new PrefixedTodoApi.HttpEndpoint().ServeAsync(exchange);
        return (match, exchange);
    }
}
