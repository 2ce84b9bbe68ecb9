using System.Text;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>
/// <see cref="InPlaceApi"/> has few literals at each position: the generated code compares them where their segment
/// starts, together with the '/' or the end that must follow, after a switch on the first byte (letters folded),
/// instead of finding the segment's end first. These tests pin what that comparison must and must not match.
/// </summary>
public sealed class InPlaceLiteralTests
{
    private static RouteMatch Send(string method, string path, out Call call)
        => InPlaceApi.Dispatch(Encoding.UTF8.GetBytes(method), Encoding.UTF8.GetBytes(path), default, out call);

    [Theory]
    [InlineData("/users/42")]
    [InlineData("/USERS/42")]
    [InlineData("/uSeRs/42/")]
    public void A_literal_segment_matches_ignoring_ascii_case(string path)
    {
        Assert.True(Send("GET", path, out var call).IsHandled);
        Assert.Equal(new Call("GetUser", "id=42"), call);
    }

    [Fact]
    public void Literals_that_start_with_the_same_byte_are_each_compared()
    {
        Send("GET", "/u/bob", out var shortUser);
        Send("GET", "/users/7/posts", out var posts);

        Assert.Equal(new Call("ShortUser", "name=bob"), shortUser);
        Assert.Equal(new Call("GetPosts", "id=7"), posts);
    }

    [Theory]
    [InlineData("/usersx/1")] // the literal must end where its segment ends
    [InlineData("/user/1")]
    [InlineData("/users")] // routes below 'users' need another segment
    [InlineData("/users/")]
    [InlineData("/users//1")]
    [InlineData("/u")]
    [InlineData("/docsx")]
    [InlineData("/docs.x/a")]
    [InlineData("/")]
    [InlineData("/y/users/1")]
    public void A_segment_that_only_starts_like_a_literal_is_not_found(string path)
    {
        Assert.Equal(RouteOutcome.NotFound, Send("GET", path, out _).Outcome);
    }

    [Theory]
    [InlineData("/docs", "Docs", "path=")]
    [InlineData("/DOCS/a/b", "Docs", "path=a/b")]
    [InlineData("/docs/guide/index", "DocsIndex", "section=guide")]
    [InlineData("/docs/guide/other", "Docs", "path=guide/other")]
    public void A_literal_where_routes_end_matches_at_the_end_of_the_path_or_before_a_slash(string path, string handler, string arguments)
    {
        Assert.True(Send("GET", path, out var call).IsHandled);
        Assert.Equal(new Call(handler, arguments), call);
    }

    [Theory]
    [InlineData("/x/1/ALPHA", "XAlpha", "id=1")]
    [InlineData("/x/1/beta/", "XBeta", "id=1")]
    [InlineData("/x/1/alphax", "XRest", "id=1 rest=alphax")]
    [InlineData("/x/1/gamma", "XRest", "id=1 rest=gamma")]
    [InlineData("/x/1/beta/more", "XRest", "id=1 rest=beta/more")]
    [InlineData("/x/1//", "XRest", "id=1 rest=")] // an empty segment where the literals are: the catch-all takes it
    public void Below_a_parameter_the_first_byte_picks_the_literal_and_the_catch_all_takes_the_rest(string path, string handler, string arguments)
    {
        Assert.True(Send("GET", path, out var call).IsHandled);
        Assert.Equal(new Call(handler, arguments), call);
    }

    [Theory]
    [InlineData("/user%73/9")] // %73 is 's': the in-place comparison fails on the path as received
    [InlineData("/%75sers/9")] // %75 is 'u': the first byte rules out every route with parameters until decoded
    [InlineData("/%55SERS/9")]
    public void An_escaped_literal_segment_is_matched_after_decoding(string path)
    {
        Assert.True(Send("GET", path, out var call).IsHandled);
        Assert.Equal(new Call("GetUser", "id=9"), call);
    }

    [Fact]
    public void Another_method_on_a_matching_path_is_405_with_the_allowed_methods()
    {
        var match = Send("POST", "/Users/42", out _);

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head, match.Allow);
    }
}
