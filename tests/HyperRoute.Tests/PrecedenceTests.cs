using Xunit;

namespace HyperRoute.Tests;

public sealed class PrecedenceTests
{
    [Fact]
    public void Literal_route_beats_parameter_route()
    {
        var match = Dispatch.Catalog("GET", "/products/new", out var call);

        Assert.True(match.IsHandled);
        Assert.Equal(new Call("NewProductForm"), call);
    }

    [Fact]
    public void Constrained_parameter_beats_plain_parameter()
    {
        Dispatch.Catalog("GET", "/products/42", out var call);

        Assert.Equal(new Call("GetProduct", "id=42"), call);
    }

    [Fact]
    public void Plain_parameter_takes_what_the_constraint_rejects()
    {
        Dispatch.Catalog("GET", "/products/blue-shoes", out var call);

        Assert.Equal(new Call("GetProductBySlug", "slug=blue-shoes"), call);
    }

    [Fact]
    public void Literal_beats_catch_all_at_the_same_position()
    {
        Dispatch.Catalog("GET", "/files/readme", out var call);

        Assert.Equal(new Call("Readme"), call);
    }

    [Fact]
    public void Failed_literal_branch_falls_back_to_the_parameter_branch()
    {
        // /a/c/{y} is tried first (literal 'c'), fails on the third segment, then /a/{x}/b matches.
        Dispatch.Catalog("GET", "/a/c/b", out var viaLiteral);
        Dispatch.Catalog("GET", "/a/z/b", out var viaParameter);

        Assert.Equal(new Call("ACY", "y=b"), viaLiteral);
        Assert.Equal(new Call("AXB", "x=z"), viaParameter);
    }

    [Fact]
    public void Route_index_identifies_the_route_in_RoutePatterns()
    {
        var match = Dispatch.Catalog("GET", "/health", out _);

        Assert.Equal("GET /health", CatalogApi.RoutePatterns[match.Route]);
    }
}
