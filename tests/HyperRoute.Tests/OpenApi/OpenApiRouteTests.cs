using System;
using System.Text;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.OpenApi;

/// <summary>A router whose own route owns the path it also names as its document's route.</summary>
[Router(Prefix = "/api")]
[OpenApi(Title = "Shadowed", Route = "/api/spec")]
public static partial class ShadowedDocumentApi
{
    [Route("POST /spec")]
    public static void Upload(HttpResponse response) => response.Text("uploaded"u8);

    [Route("GET /items")]
    public static void Items(HttpResponse response) => response.Text("[]"u8);
}

/// <summary>A router with a validator that refuses every request without <c>?key=k</c>.</summary>
[Router]
[Validate<RequireKey>]
[OpenApi(Title = "Guarded", Route = "/openapi.json")]
public static partial class GuardedDocumentApi
{
    [Route("GET /items")]
    public static void Items(HttpResponse response) => response.Text("[]"u8);
}

/// <summary>Refuses a request without the query <c>key=k</c> with 401.</summary>
[Validator]
public partial struct RequireKey : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
        => request.Query.SequenceEqual("key=k"u8) ? ValidationResult.Ok : ValidationResult.Fail("key"u8, "a key is required"u8, 401);
}

/// <summary>
/// <c>[OpenApi(Route = …)]</c> answers only where no route does: a route of the router at the same path wins (and its
/// 405 stands), the router's validators run before the document as before any route, and the path is absolute.
/// </summary>
public sealed class OpenApiRouteTests
{
    [Fact]
    public void A_route_at_the_same_path_wins_and_its_methods_are_the_path_s()
    {
        var (match, exchange) = Serve<ShadowedDocumentApi.HttpEndpoint>("GET /api/spec");

        Assert.Equal(405, match.StatusCode);
        Assert.Equal(HttpMethods.Post, match.Allow);
        Assert.Equal(0, exchange.Response.Body.Length);
    }

    [Fact]
    public void The_document_route_is_absolute_and_the_router_prefix_does_not_apply_to_it()
    {
        var (match, exchange) = Serve<GuardedDocumentApi.HttpEndpoint>("GET /openapi.json?key=k");

        Assert.True(match.IsHandled);
        Assert.Equal(GuardedDocumentApi.OpenApiDocument.ToArray(), exchange.Response.Body.ToArray());
    }

    [Fact]
    public void The_router_s_validators_guard_the_document_as_they_guard_its_routes()
    {
        var (match, exchange) = Serve<GuardedDocumentApi.HttpEndpoint>("GET /openapi.json");

        Assert.False(match.IsHandled);
        Assert.Equal(401, exchange.Response.StatusCode);
    }

    [Fact]
    public void Paths_near_the_document_s_are_still_404()
    {
        Assert.Equal(404, Serve<GuardedDocumentApi.HttpEndpoint>("GET /openapi.jso?key=k").Match.StatusCode);
        Assert.Equal(404, Serve<GuardedDocumentApi.HttpEndpoint>("GET /openapi.json/?key=k").Match.StatusCode);
        Assert.Equal(404, Serve<GuardedDocumentApi.HttpEndpoint>("GET /OPENAPI.JSON?key=k").Match.StatusCode);
    }

    private static (RouteMatch Match, HttpExchange Exchange) Serve<TEndpoint>(string requestLine, string headers = "")
        where TEndpoint : struct, IHttpEndpoint
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.ASCII.GetBytes($"{requestLine} HTTP/1.1\r\nHost: x\r\n{headers}\r\n");
        Assert.Equal(HttpError.None, exchange.Request.Load<TEndpoint>(bytes, 0, bytes.Length));
        return (default(TEndpoint).Serve(exchange), exchange);
    }
}
