using System;
using Xunit;

namespace HyperRoute.Tests;

public sealed class PercentDecodingTests
{
    [Fact]
    public void Escaped_path_values_are_decoded_before_binding()
    {
        Dispatch.Catalog("GET", "/products/caf%C3%A9", out var call);

        Assert.Equal(new Call("GetProductBySlug", "slug=café"), call);
    }

    [Fact]
    public void Escaped_digits_satisfy_an_int_constraint()
    {
        Dispatch.Catalog("GET", "/products/%34%32", out var call);

        Assert.Equal(new Call("GetProduct", "id=42"), call);
    }

    [Fact]
    public void Escaped_literal_matches_the_literal()
    {
        Assert.Equal(new Call("Health"), Get("/h%65alth"));
    }

    [Fact]
    public void Escaped_slash_stays_inside_its_segment()
    {
        Dispatch.Catalog("GET", "/products/a%2Fb", out var call);

        Assert.Equal(new Call("GetProductBySlug", "slug=a%2Fb"), call);
    }

    [Theory]
    [InlineData("/products/%zz")]
    [InlineData("/products/%4")]
    [InlineData("/products/abc%")]
    [InlineData("/products/%00")]
    [InlineData("/products/%C3%28")] // decodes to invalid UTF-8
    public void Malformed_escapes_are_a_bad_request(string path)
    {
        var match = Dispatch.Catalog("GET", path, out _);

        Assert.Equal(RouteOutcome.BadRequest, match.Outcome);
        Assert.Equal(RouteProblem.MalformedPath, match.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("products")]
    [InlineData("*")]
    public void Path_that_is_not_absolute_is_a_bad_request(string path)
    {
        var match = Dispatch.Catalog("GET", path, out _);

        Assert.Equal(RouteProblem.PathNotAbsolute, match.Problem);
    }

    [Fact]
    public void Decoding_uses_the_caller_buffer_when_it_is_large_enough()
    {
        Span<byte> scratch = stackalloc byte[64];
        var match = CatalogApi.Dispatch("GET"u8, "/products/caf%C3%A9"u8, default, scratch, out var call);

        Assert.True(match.IsHandled);
        Assert.Equal("slug=café", call.Arguments);
        Assert.Equal("/products/café"u8.ToArray(), scratch[..15].ToArray()); // the decoded path lives in the caller's memory
    }

    [Fact]
    public void Decoding_falls_back_to_a_pooled_buffer_when_the_caller_buffer_is_too_small()
    {
        Span<byte> scratch = stackalloc byte[2];
        var match = CatalogApi.Dispatch("GET"u8, "/products/caf%C3%A9"u8, default, scratch, out var call);

        Assert.True(match.IsHandled);
        Assert.Equal("slug=café", call.Arguments);
    }

    private static Call Get(string path)
    {
        Dispatch.Catalog("GET", path, out var call);
        return call;
    }
}
