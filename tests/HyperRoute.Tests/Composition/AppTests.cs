using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Composition;

/// <summary>
/// <see cref="ShopApp"/> serves <see cref="ShopTodoApi"/> and <see cref="ShopStatusApi"/> through one decision tree:
/// the routes of both are answered, each with its own router's prefix, validator, transform, JSON context and result;
/// 404 and 405 are decided over both (405's <c>Allow</c> merges methods across routers); and on the built-in server
/// <c>/health</c> is answered on every request, which two servers on one port could not do.
/// </summary>
public sealed class AppTests
{
    [Fact]
    public async Task A_route_of_the_first_router_is_served_under_its_prefix_with_its_steps_and_json_context()
    {
        var (match, exchange) = await Serve("GET /api/todos/1?key=open");

        Assert.Equal(RouteOutcome.Handled, match.Outcome);
        Assert.Equal("GET /api/todos/{id:int}", ShopApp.RoutePatterns[match.Route]);
        AssertResponse(exchange, 200, "application/json", """{"id":1,"title":"todo 1"}""");
        Assert.Equal("no-store", Header(exchange, "Cache-Control"));
    }

    [Fact]
    public async Task The_first_router_s_validator_applies_to_its_routes()
    {
        var (match, exchange) = await Serve("GET /api/todos/1");

        Assert.Equal(RouteOutcome.Rejected, match.Outcome);
        Assert.Equal(401, exchange.Response.StatusCode);
        Assert.Null(Header(exchange, "Cache-Control"));
    }

    [Fact]
    public async Task The_first_router_s_validator_and_transform_do_not_apply_to_the_second_router_s_routes()
    {
        var (match, exchange) = await Serve("GET /health");

        Assert.Equal(RouteOutcome.Handled, match.Outcome);
        AssertResponse(exchange, 200, "text/plain; charset=utf-8", "ok");
        Assert.Null(Header(exchange, "Cache-Control"));
    }

    [Fact]
    public async Task Each_router_writes_its_results_with_its_own_json_context()
    {
        var (_, status) = await Serve("GET /status", "X-Tenant: acme\r\n");
        const string Body = """{"id":7,"title":"milk"}""";
        var (created, todo) = await Serve("POST /api/todos/?key=open", $"X-Tenant: acme\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n", Body);

        AssertResponse(status, 200, "application/json", """{"Name":"acme","Routers":2}""");
        Assert.Equal(RouteOutcome.Handled, created.Outcome);
        AssertResponse(todo, 201, "application/json", """{"id":7,"title":"acme:milk"}""");
        Assert.Equal("/api/todos/7", Header(todo, "Location"));
        Assert.Equal("no-store", Header(todo, "Cache-Control"));
    }

    [Fact]
    public async Task An_async_route_completes_with_its_router_s_result()
    {
        var (match, exchange) = await Serve("GET /api/todos/slow/3?key=open");

        Assert.Equal(RouteOutcome.Handled, match.Outcome);
        AssertResponse(exchange, 200, "application/json", """{"id":3,"title":"slow"}""");
        Assert.Equal("no-store", Header(exchange, "Cache-Control"));
    }

    [Fact]
    public async Task A_route_of_the_second_router_on_the_first_router_s_path_is_served_without_the_first_router_s_steps()
    {
        var (match, exchange) = await Serve("DELETE /api/todos/1");

        Assert.Equal(RouteOutcome.Handled, match.Outcome);
        Assert.Equal(204, exchange.Response.StatusCode);
    }

    [Fact]
    public async Task Method_not_allowed_merges_the_methods_of_both_routers_on_the_path()
    {
        var (match, _) = await Serve("PUT /api/todos/1?key=open");

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head | HttpMethods.Delete, match.Allow);
    }

    [Theory]
    [InlineData("GET /nope")]
    [InlineData("GET /todos/1")]
    [InlineData("GET /api/todos/abc?key=open")]
    public async Task A_path_no_router_serves_is_not_found(string request)
    {
        var (match, _) = await Serve(request);

        Assert.Equal(RouteOutcome.NotFound, match.Outcome);
    }

    [Fact]
    public void The_app_s_patterns_and_header_table_are_the_union_of_its_routers()
    {
        Assert.Equal(
            new[] { "GET /api/todos/{id:int}", "POST /api/todos", "GET /api/todos/slow/{id:int}", "GET /health", "GET /status", "DELETE /api/todos/{id:int}" },
            ShopApp.RoutePatterns.ToArray());
        Assert.Equal(1, ShopApp.HttpEndpoint.HeaderSlotCount);
        Assert.Equal(0, ShopApp.HttpEndpoint.HeaderSlot("x-tenant"u8));
    }

    [Fact]
    public async Task The_member_routers_keep_their_own_endpoints()
    {
        var exchange = Load<ShopStatusApi.HttpEndpoint>("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        var match = await new ShopStatusApi.HttpEndpoint().ServeAsync(exchange);

        Assert.Equal(RouteOutcome.Handled, match.Outcome);
        Assert.Equal("ok", Encoding.UTF8.GetString(exchange.Response.Body));
    }

    [Fact]
    public async Task One_server_answers_both_routers_and_health_on_every_request()
    {
        await using var server = TestServer<ShopApp.HttpEndpoint>.Start(default, "sockets");
        using var client = server.Connect();

        client.Send(
            Requests.Get("/health") + Requests.Get("/api/todos/2?key=open") + Requests.Get("/health") + Requests.Get("/status")
            + Requests.Get("/health") + Requests.Get("/nope") + Requests.Get("/health") + "PUT /api/todos/2 HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n");

        var statuses = Enumerable.Range(0, 8).Select(_ => client.Read()).ToList();
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 404, 200, 405 }, statuses.Select(r => r.Status).ToArray());
        Assert.All(new[] { 0, 2, 4, 6 }, i => Assert.Equal("ok", statuses[i].BodyText));
        Assert.Equal("""{"id":2,"title":"todo 2"}""", statuses[1].BodyText);
        Assert.Equal("""{"Name":"none","Routers":2}""", statuses[3].BodyText);
        var allow = statuses[7].Header("Allow") ?? "";
        Assert.Contains("GET", allow);
        Assert.Contains("DELETE", allow);

        using var second = server.Connect();
        for (var i = 0; i < 4; i++)
        {
            second.Send(Requests.Get("/health"));
            Assert.Equal(200, second.Read().Status);
        }
    }

    private static async Task<(RouteMatch Match, HttpExchange Exchange)> Serve(string requestLine, string headers = "", string body = "")
    {
        var exchange = Load<ShopApp.HttpEndpoint>(requestLine + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n" + body);
        var match = await new ShopApp.HttpEndpoint().ServeAsync(exchange);
        return (match, exchange);
    }

    private static HttpExchange Load<TEndpoint>(string request)
        where TEndpoint : struct, IHttpEndpoint
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.UTF8.GetBytes(request);
        Assert.Equal(HttpError.None, exchange.Request.Load<TEndpoint>(bytes, 0, bytes.Length));
        return exchange;
    }

    private static void AssertResponse(HttpExchange exchange, int status, string contentType, string body)
    {
        Assert.Equal(status, exchange.Response.StatusCode);
        Assert.Equal(contentType, Header(exchange, "Content-Type"));
        Assert.Equal(body, Encoding.UTF8.GetString(exchange.Response.Body));
    }

    private static string? Header(HttpExchange exchange, string name)
        => exchange.Response.TryGetHeader(Encoding.ASCII.GetBytes(name), out var value) ? Encoding.UTF8.GetString(value) : null;
}
