using System.Text;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>
/// The first pass answers 404 at once for a path that no route of any method can start with and that holds no
/// escape. Everything else (escapes, other methods' routes, case, routes that start with a parameter) must answer
/// exactly as the second pass would.
/// </summary>
public sealed class FirstByteMissTests
{
    [Theory]
    [InlineData("GET", "/nothing/here")]
    [InlineData("GET", "/nothing/here/")]
    [InlineData("GET", "/zebra")]
    [InlineData("GET", "//health")]
    [InlineData("GET", "/-")]
    [InlineData("HEAD", "/nothing")]
    [InlineData("POST", "/nothing")]
    [InlineData("PUT", "/nothing")]
    [InlineData("DELETE", "/nothing")]
    [InlineData("PATCH", "/nothing")] // a method no route has: no first pass, straight to the second
    public void Path_that_no_route_can_start_with_is_not_found(string method, string path)
    {
        var match = Dispatch.Catalog(method, path, out var call);

        Assert.Equal(RouteOutcome.NotFound, match.Outcome);
        Assert.Equal(404, match.StatusCode);
        Assert.Equal(default, call);
    }

    [Theory]
    [InlineData("/nothing/%zz")]
    [InlineData("/nothing/%4")]
    [InlineData("/zebra%")]
    public void Malformed_escape_is_a_bad_request_even_where_no_route_starts(string path)
    {
        var match = Dispatch.Catalog("GET", path, out _);

        Assert.Equal(RouteOutcome.BadRequest, match.Outcome);
        Assert.Equal(RouteProblem.MalformedPath, match.Problem);
    }

    [Fact]
    public void Escaped_path_that_decodes_to_nowhere_is_not_found()
    {
        Assert.Equal(RouteOutcome.NotFound, Dispatch.Catalog("GET", "/nothing/%41", out _).Outcome);
    }

    [Theory]
    [InlineData("/%68ealth")] // the escaped first byte is the 'h' of /health
    [InlineData("/%48EALTH")]
    [InlineData("/HEALTH")]
    [InlineData("/Health/")]
    public void Path_whose_first_byte_is_escaped_or_in_another_case_still_routes(string path)
    {
        var match = Dispatch.Catalog("GET", path, out var call);

        Assert.True(match.IsHandled);
        Assert.Equal(new Call("Health"), call);
    }

    [Fact]
    public void Path_that_only_another_method_routes_is_still_method_not_allowed()
    {
        var match = Dispatch.Catalog("PUT", "/health", out _);

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head, match.Allow);
    }

    [Theory]
    [InlineData("/zebra", "slug=zebra")]
    [InlineData("/-", "slug=-")]
    [InlineData("/items", "slug=items")]
    public void Router_whose_first_segment_is_a_parameter_routes_every_first_byte(string path, string arguments)
    {
        var match = SlugFirstApi.Dispatch("GET"u8, Encoding.UTF8.GetBytes(path), default, out var call);

        Assert.True(match.IsHandled);
        Assert.Equal(new Call("Page", arguments), call);
    }

    [Fact]
    public void Router_whose_first_segment_is_a_parameter_tells_405_for_any_first_byte()
    {
        // POST has a first pass of its own (POST /items); an early 404 there would answer 404.
        var match = SlugFirstApi.Dispatch("POST"u8, "/zebra"u8, default, out _);

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head, match.Allow);
    }
}
