using Xunit;

namespace HyperRoute.Tests;

public sealed class MethodTests
{
    [Fact]
    public void Path_without_routes_is_not_found()
    {
        var match = Dispatch.Catalog("GET", "/nothing/here", out _);

        Assert.Equal(RouteOutcome.NotFound, match.Outcome);
        Assert.Equal(404, match.StatusCode);
        Assert.Equal(-1, match.Route);
    }

    [Fact]
    public void Path_with_routes_of_other_methods_is_method_not_allowed_with_allow()
    {
        var match = Dispatch.Catalog("PATCH", "/products", out _);

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(405, match.StatusCode);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head | HttpMethods.Post, match.Allow);
        Assert.Equal("GET, HEAD, POST", Routing.MethodToken.FormatAllow(match.Allow));
    }

    [Fact]
    public void Allow_lists_only_methods_whose_constraints_accept_the_value()
    {
        // PUT needs min(1) and DELETE range(1,1000): for /products/5000 only GET (and HEAD) routes match.
        var match = Dispatch.Catalog("POST", "/products/5000", out _);

        Assert.Equal(HttpMethods.Get | HttpMethods.Head | HttpMethods.Put, match.Allow);
    }

    [Fact]
    public void Head_falls_back_to_the_get_route()
    {
        Dispatch.Catalog("HEAD", "/health", out var call);

        Assert.Equal(new Call("Health"), call);
    }

    [Fact]
    public void Head_route_wins_over_the_get_route_for_the_same_path()
    {
        Dispatch.Catalog("HEAD", "/products/3", out var call);

        Assert.Equal(new Call("HeadProduct", "id=3"), call);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("Get")]
    public void Method_tokens_are_case_sensitive(string method)
    {
        var match = Dispatch.Catalog(method, "/health", out _);

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
    }

    [Fact]
    public void Unknown_method_on_a_routed_path_is_method_not_allowed()
    {
        var match = Dispatch.Catalog("BREW", "/health", out _);

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head, match.Allow);
    }

    [Fact]
    public void Each_method_reaches_its_own_handler_on_a_shared_path()
    {
        Dispatch.Catalog("PUT", "/products/9", out var put);
        Dispatch.Catalog("DELETE", "/products/9", out var delete);
        Dispatch.Catalog("GET", "/products/9", out var get);

        Assert.Equal("UpdateProduct", put.Handler);
        Assert.Equal("DeleteProduct", delete.Handler);
        Assert.Equal("GetProduct", get.Handler);
    }
}
