using HyperRoute.Generators.Routing;
using Xunit;

namespace HyperRoute.Generators.Tests;

/// <summary>The shared template grammar: what it accepts, and where it points when it rejects.</summary>
public sealed class TemplateParserTests
{
    [Fact]
    public void Parses_method_literals_parameters_and_constraints()
    {
        Assert.True(RouteTemplateParser.TryParse("GET /users/{id:int:min(1)}/posts/{slug?}", out var template, out _));

        Assert.Equal("GET", template!.Method);
        Assert.Equal("/users/{id:int:min(1)}/posts/{slug?}", template.Path);
        Assert.Equal(4, template.Segments.Count);
        Assert.Equal(SegmentKind.Literal, template.Segments[0].Kind);
        Assert.Equal("id", template.Segments[1].Name);
        Assert.Equal("int:min(1)", template.Segments[1].ConstraintKey);
        Assert.True(template.Segments[3].IsOptional);
    }

    [Fact]
    public void Root_template_has_no_segments()
    {
        Assert.True(RouteTemplateParser.TryParse("GET /", out var template, out _));
        Assert.Empty(template!.Segments);
    }

    [Theory]
    [InlineData("GET /files/{*path}")]
    [InlineData("GET /files/{**path}")]
    public void Catch_all_is_the_last_segment(string pattern)
    {
        Assert.True(RouteTemplateParser.TryParse(pattern, out var template, out _));
        Assert.Equal(SegmentKind.CatchAll, template!.Segments[1].Kind);
        Assert.Equal("path", template.Segments[1].Name);
    }

    [Fact]
    public void Every_documented_constraint_parses_to_its_canonical_spelling()
    {
        Assert.True(RouteTemplateParser.TryParse(
            "GET /{a:int}/{b:long}/{c:guid}/{d:bool}/{e:alpha}/{f:min(-5)}/{g:max(9)}/{h:range(1, 9)}/{i:length(3)}/{j:length(1,4)}/{k:minlength(2)}/{l:maxlength(8)}/{m:double}/{n:decimal}",
            out var template,
            out var error),
            error?.Message);

        Assert.Equal(
            new[] { "int", "long", "guid", "bool", "alpha", "min(-5)", "max(9)", "range(1,9)", "length(3)", "length(1,4)", "minlength(2)", "maxlength(8)", "double", "decimal" },
            System.Linq.Enumerable.Select(template!.Segments, s => s.ConstraintKey));
    }

    [Theory]
    [InlineData("", "empty", 0, 0)]
    [InlineData("/users", "no HTTP method", 0, 6)]
    [InlineData("get /users", "write 'GET'", 0, 3)]
    [InlineData("FETCH /users", "'FETCH' is not an HTTP method", 0, 5)]
    [InlineData("GET  /users", "exactly one space", 3, 2)]
    [InlineData("GET users", "must start with '/'", 4, 1)]
    [InlineData("GET /users/", "trailing '/'", 10, 1)]
    [InlineData("GET /users//x", "empty segment", 10, 2)]
    [InlineData("GET /users/{id", "never closed", 11, 3)]
    [InlineData("GET /users/id}", "no matching '{'", 13, 1)]
    [InlineData("GET /users/{}", "no name", 11, 2)]
    [InlineData("GET /users/{id:foo}", "Unknown constraint 'foo'", 15, 3)]
    [InlineData("GET /users/{id:int(3)}", "takes no arguments", 18, 3)]
    [InlineData("GET /users/{id:min}", "one integer argument", 15, 3)]
    [InlineData("GET /users/{id:min(x)}", "'x' is not an integer", 19, 1)]
    [InlineData("GET /users/{id:range(9,1)}", "reversed", 21, 3)]
    [InlineData("GET /users/{id:length(-1)}", "cannot be negative", 22, 2)]
    [InlineData("GET /{id}/{ID}", "used twice", 11, 2)]
    [InlineData("GET /{*rest}/tail", "must be the last segment", 5, 7)]
    [InlineData("GET /{id?}/tail", "must be the last segment", 5, 5)]
    [InlineData("GET /{*rest?}", "already optional", 11, 1)]
    [InlineData("GET /{page=1}", "Default values", 10, 2)]
    [InlineData("GET /user-{id}", "whole segment", 5, 9)]
    [InlineData("GET /a?b", "'?' cannot appear", 6, 1)]
    [InlineData("GET /{my-id}", "'-' cannot appear in a parameter name", 8, 1)]
    public void Rejects_with_a_message_located_on_the_offending_characters(string pattern, string message, int start, int length)
    {
        Assert.False(RouteTemplateParser.TryParse(pattern, out _, out var error));

        Assert.Contains(message, error!.Message);
        Assert.Equal((start, length), (error.Start, error.Length));
    }
}
