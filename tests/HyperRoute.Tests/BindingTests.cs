using Xunit;

namespace HyperRoute.Tests;

public sealed class BindingTests
{
    [Fact]
    public void Integer_constraint_overflow_is_not_a_match()
    {
        Assert.Equal(RouteOutcome.NotFound, Dispatch.Catalog("GET", "/big/9223372036854775808", out _).Outcome);
    }

    [Fact]
    public void Overflowing_int_falls_through_to_the_plain_parameter_route()
    {
        // {id:int} rejects it; /products/{slug} takes it as text.
        Dispatch.Catalog("GET", "/products/2147483648", out var call);

        Assert.Equal(new Call("GetProductBySlug", "slug=2147483648"), call);
    }

    [Fact]
    public void Unconstrained_value_that_does_not_convert_is_a_bad_request_naming_the_parameter()
    {
        var match = Dispatch.Catalog("GET", "/plain/abc", out _);

        Assert.Equal(RouteOutcome.BadRequest, match.Outcome);
        Assert.Equal(RouteProblem.InvalidRouteValue, match.Problem);
        Assert.Equal("n", CatalogApi.ParameterName(match));
        Assert.Equal("GET /plain/{n}", CatalogApi.RoutePatterns[match.Route]);
        Assert.Equal(400, match.StatusCode);
    }

    [Fact]
    public void Query_parameters_bind_by_name()
    {
        Dispatch.Catalog("GET", "/products?size=20&page=3&descending=true", out var call);

        Assert.Equal(new Call("ListProducts", "page=3 size=20 descending=True"), call);
    }

    [Fact]
    public void Absent_optional_query_parameters_take_their_defaults()
    {
        Dispatch.Catalog("GET", "/products", out var call);

        Assert.Equal(new Call("ListProducts", "page=1 size=null descending=False"), call);
    }

    [Fact]
    public void Query_names_match_ignoring_ascii_case()
    {
        Dispatch.Catalog("GET", "/products?PAGE=9", out var call);

        Assert.Equal(new Call("ListProducts", "page=9 size=null descending=False"), call);
    }

    [Fact]
    public void Missing_required_query_parameter_is_a_bad_request()
    {
        var match = Dispatch.Catalog("GET", "/search?sort=asc", out _);

        Assert.Equal(RouteOutcome.BadRequest, match.Outcome);
        Assert.Equal(RouteProblem.MissingQueryValue, match.Problem);
        Assert.Equal("q", CatalogApi.ParameterName(match));
    }

    [Fact]
    public void Query_value_that_does_not_convert_is_a_bad_request()
    {
        var match = Dispatch.Catalog("GET", "/products?page=two", out _);

        Assert.Equal(RouteOutcome.BadRequest, match.Outcome);
        Assert.Equal(RouteProblem.InvalidQueryValue, match.Problem);
        Assert.Equal("page", CatalogApi.ParameterName(match));
    }

    [Fact]
    public void Overflowing_query_integer_is_a_bad_request()
    {
        var match = Dispatch.Catalog("GET", "/products?page=99999999999", out _);

        Assert.Equal(RouteProblem.InvalidQueryValue, match.Problem);
    }

    [Fact]
    public void Query_values_are_percent_and_plus_decoded()
    {
        Dispatch.Catalog("GET", "/search?q=caf%C3%A9+au+lait&sort=%2Bprice", out var call);

        Assert.Equal(new Call("Search", "q=café au lait sort=+price"), call);
    }

    [Fact]
    public void Malformed_escape_in_a_query_value_is_a_bad_request()
    {
        var match = Dispatch.Catalog("GET", "/search?q=%zz", out _);

        Assert.Equal(RouteProblem.InvalidQueryValue, match.Problem);
        Assert.Equal("q", CatalogApi.ParameterName(match));
    }

    [Fact]
    public void Query_without_equals_sign_has_an_empty_value()
    {
        Dispatch.Catalog("GET", "/search?q", out var call);

        Assert.Equal(new Call("Search", "q= sort="), call);
    }

    [Fact]
    public void Instance_handlers_run_on_the_router_instance()
    {
        var counter = new CounterApi();

        counter.Dispatch("POST"u8, "/hit"u8, default);
        var match = counter.Dispatch("POST"u8, "/hit/5"u8, default);

        Assert.True(match.IsHandled);
        Assert.Equal(2, counter.Hits);
        Assert.Equal(5, counter.Last);
    }
}
