using Xunit;

namespace HyperRoute.Tests;

public sealed class SharedTailTests
{
    [Theory]
    [InlineData("/r0", "List0", "")]
    [InlineData("/r19", "List19", "")]
    [InlineData("/R7/", "List7", "")]
    [InlineData("/r0/items/1", "Item0", "id=1")]
    [InlineData("/r19/items/42", "Item19", "id=42")]
    [InlineData("/R11/ITEMS/7/", "Item11", "id=7")]
    [InlineData("/r1%37/items/5", "Item17", "id=5")]
    [InlineData("/r3/items/%39", "Item3", "id=9")]
    public void Each_literal_reaches_its_own_route(string path, string handler, string arguments)
    {
        var match = Get("GET", path, out var call);

        Assert.True(match.IsHandled, match.ToString());
        Assert.Equal(new Call(handler, arguments), call);
    }

    [Theory]
    [InlineData("/r20/items/1")]
    [InlineData("/r1/items/x")]
    [InlineData("/r1/items")]
    [InlineData("/r1/items/1/2")]
    [InlineData("/r1/other/1")]
    public void Paths_that_lead_nowhere_are_not_found(string path)
    {
        Assert.Equal(RouteOutcome.NotFound, Get("GET", path, out _).Outcome);
    }

    [Fact]
    public void Allow_names_the_methods_of_the_literal_that_matched()
    {
        Assert.Equal(HttpMethods.Get | HttpMethods.Head | HttpMethods.Post, Get("PUT", "/r3/items/1", out _).Allow);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head, Get("PUT", "/r4/items/1", out _).Allow);
        Assert.Equal(HttpMethods.Get | HttpMethods.Head, Get("PUT", "/r4", out _).Allow);
    }

    [Fact]
    public void Post_reaches_the_one_literal_that_has_a_post_route()
    {
        Get("POST", "/r3/items/8", out var call);

        Assert.Equal(new Call("PostItem3", "id=8"), call);
        Assert.Equal(RouteOutcome.MethodNotAllowed, Get("POST", "/r5/items/8", out _).Outcome);
    }

    private static RouteMatch Get(string method, string path, out Call call)
        => WideApi.Dispatch(System.Text.Encoding.UTF8.GetBytes(method), System.Text.Encoding.UTF8.GetBytes(path), default, out call);
}
