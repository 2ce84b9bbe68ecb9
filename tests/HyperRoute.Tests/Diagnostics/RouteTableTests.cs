using System;
using System.Linq;
using HyperRoute.Diagnostics;
using HyperRoute.Http;
using HyperRoute.Samples.Api;
using Xunit;

namespace HyperRoute.Tests.Diagnostics;

/// <summary>The generated route table as users print it, and as the server's telemetry reads it.</summary>
public sealed class RouteTableTests
{
    [Fact]
    public void Every_route_of_the_sample_is_in_its_table_in_the_order_of_its_patterns()
    {
        Assert.Equal(ShopApi.RoutePatterns, ShopApi.Routes.Select(r => r.Pattern));
        Assert.Equal(Enumerable.Range(0, ShopApi.Routes.Count), ShopApi.Routes.Select(r => r.Index));
    }

    [Fact]
    public void A_route_knows_its_template_handler_steps_and_responses()
    {
        var route = TableApi.Routes[0];
        Assert.Equal(("GET", "/items/{id:int}", "GET /items/{id:int}"), (route.Method, route.Template, route.Pattern));
        Assert.Equal("TableApi.Get(int id)", route.Handler);
        Assert.False(route.IsAsync);
        Assert.Equal(["PositiveId(id)"], route.Validators);
        Assert.Equal(["NoCache"], route.Transforms);
        Assert.Equal(["200 text/plain; charset=utf-8"], route.Responses);
        Assert.True(TableApi.Routes[1].IsAsync);
    }

    [Fact]
    public void The_endpoint_finds_a_route_by_its_index_and_nothing_out_of_range()
    {
        Assert.Same(TableApi.Routes[1], RouteAt<TableApi.HttpEndpoint>(1));
        Assert.Null(RouteAt<TableApi.HttpEndpoint>(-1));
        Assert.Null(RouteAt<TableApi.HttpEndpoint>(TableApi.Routes.Count));
    }

    [Fact]
    public void The_table_prints_one_aligned_line_per_route()
    {
        Assert.Equal(
            """
              GET    /items/{id:int}  TableApi.Get(int id)           validate: PositiveId(id)  transform: NoCache  responses: 200 text/plain; charset=utf-8
              DELETE /items/{id:int}  async TableApi.Delete(int id)  responses: 200 text/plain; charset=utf-8
              GET    /health          TableApi.Health()

            """.Replace("\r\n", "\n"),
            RouteTable.Format(TableApi.Routes, indent: "  "));
    }

    [Fact]
    public void The_table_cannot_be_changed_through_the_list_it_is_read_from()
    {
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<RouteInfo>)TableApi.Routes)[0] = TableApi.Routes[1]);
    }

    private static RouteInfo? RouteAt<TEndpoint>(int route)
        where TEndpoint : struct, IHttpEndpoint
        => TEndpoint.RouteAt(route);
}

[Validator]
public partial struct PositiveId : IValidator<int>
{
    public static ValidationResult Validate(in int value) => value > 0 ? ValidationResult.Ok : ValidationResult.Fail("must be positive"u8);
}

[Transform]
public partial struct NoCache : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-cache"u8);
}

[Router]
public static partial class TableApi
{
    [Route("GET /items/{id:int}")]
    [Transform<NoCache>]
    public static string Get([Validate<PositiveId>] int id) => "item";

    [Route("DELETE /items/{id:int}")]
    public static async System.Threading.Tasks.ValueTask<string> Delete(int id)
    {
        await System.Threading.Tasks.Task.Yield();
        return "deleted";
    }

    [Route("GET /health")]
    public static void Health()
    {
    }
}
