using System;
using Xunit;

namespace HyperRoute.Tests;

public sealed class TemplateTests
{
    [Fact]
    public void Root_path_matches_the_root_route()
    {
        Dispatch.Catalog("GET", "/", out var call);

        Assert.Equal(new Call("Root"), call);
    }

    [Theory]
    [InlineData("/HEALTH")]
    [InlineData("/Health")]
    [InlineData("/mixed/case")]
    [InlineData("/MIXED/CASE")]
    public void Literals_match_ignoring_ascii_case(string path)
    {
        Assert.True(Dispatch.Catalog("GET", path, out _).IsHandled);
    }

    [Fact]
    public void A_single_trailing_slash_is_ignored()
    {
        Dispatch.Catalog("GET", "/products/7/", out var call);

        Assert.Equal(new Call("GetProduct", "id=7"), call);
    }

    [Fact]
    public void Empty_segment_does_not_match()
    {
        Assert.Equal(RouteOutcome.NotFound, Dispatch.Catalog("GET", "/products//7", out _).Outcome);
    }

    [Fact]
    public void Guid_constraint_accepts_a_guid_and_binds_it()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Dispatch.Catalog("GET", "/orders/" + id, out var call);

        Assert.Equal(new Call("GetOrder", "id=" + id), call);
    }

    [Fact]
    public void Guid_constraint_rejects_other_text()
    {
        Assert.Equal(RouteOutcome.NotFound, Dispatch.Catalog("GET", "/orders/not-a-guid", out _).Outcome);
    }

    [Theory]
    [InlineData("/codes/abc", "GetCode", "code=abc")]
    [InlineData("/codes/ab1x", "GetLongCode", "code=ab1x")]
    [InlineData("/codes/abcdefgh", "GetLongCode", "code=abcdefgh")]
    public void Length_and_alpha_constraints_choose_the_route(string path, string handler, string arguments)
    {
        Dispatch.Catalog("GET", path, out var call);

        Assert.Equal(new Call(handler, arguments), call);
    }

    [Theory]
    [InlineData("/codes/ab")]        // too short for both
    [InlineData("/codes/abcdefghi")] // too long for both
    [InlineData("/codes/a1c")]       // three characters, but not letters; too short for minlength(4)
    public void Values_outside_every_constraint_are_not_found(string path)
    {
        Assert.Equal(RouteOutcome.NotFound, Dispatch.Catalog("GET", path, out _).Outcome);
    }

    [Theory]
    [InlineData("/flags/true", "on=True")]
    [InlineData("/flags/FALSE", "on=False")]
    public void Bool_constraint_parses_true_and_false(string path, string arguments)
    {
        Dispatch.Catalog("GET", path, out var call);

        Assert.Equal(new Call("GetFlag", arguments), call);
    }

    [Fact]
    public void Min_constraint_rejects_values_below_it()
    {
        Assert.True(Dispatch.Catalog("PUT", "/products/1", out _).IsHandled);
        Assert.Equal(RouteOutcome.MethodNotAllowed, Dispatch.Catalog("PUT", "/products/0", out _).Outcome);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1000", true)]
    [InlineData("1001", false)]
    [InlineData("0", false)]
    public void Range_constraint_is_inclusive(string id, bool handled)
    {
        Assert.Equal(handled, Dispatch.Catalog("DELETE", "/products/" + id, out _).IsHandled);
    }

    [Fact]
    public void Optional_segment_present_binds_its_value()
    {
        Dispatch.Catalog("GET", "/archive/2024/5", out var call);

        Assert.Equal(new Call("Archive", "year=2024 month=5"), call);
    }

    [Fact]
    public void Optional_segment_absent_binds_the_csharp_default()
    {
        Dispatch.Catalog("GET", "/archive/2024", out var call);

        Assert.Equal(new Call("Archive", "year=2024 month=0"), call);
    }

    [Theory]
    [InlineData("/files", "path=")]
    [InlineData("/files/a", "path=a")]
    [InlineData("/files/a/b/c.txt", "path=a/b/c.txt")]
    [InlineData("/files/a/b/c/d/e/f/g/h", "path=a/b/c/d/e/f/g/h")]
    public void Catch_all_takes_the_rest_of_the_path_including_slashes(string path, string arguments)
    {
        Dispatch.Catalog("GET", path, out var call);

        Assert.Equal(new Call("GetFile", arguments), call);
    }

    [Fact]
    public void Very_long_paths_route_without_failing()
    {
        var deep = "/files/" + string.Join("/", System.Linq.Enumerable.Repeat("segment", 2000));
        var match = Dispatch.Catalog("GET", deep, out var call);

        Assert.True(match.IsHandled);
        Assert.Equal("GetFile", call.Handler);
        Assert.Equal(RouteOutcome.NotFound, Dispatch.Catalog("GET", "/x" + new string('y', 100_000), out _).Outcome);
    }

    [Fact]
    public void Long_constraint_accepts_values_beyond_int()
    {
        Dispatch.Catalog("GET", "/big/9223372036854775807", out var call);

        Assert.Equal(new Call("GetBig", "n=9223372036854775807"), call);
    }
}
