using System;
using System.Text;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Composition;

/// <summary>An app's one dispatch allocates nothing in steady state, whichever router's route it serves.</summary>
public sealed class AppAllocationTests
{
    private const int Iterations = 10_000;

    [Theory]
    [InlineData("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", true)]
    [InlineData("DELETE /api/todos/7 HTTP/1.1\r\nHost: x\r\n\r\n", true)]
    [InlineData("GET /api/todos/nope HTTP/1.1\r\nHost: x\r\n\r\n", false)]
    [InlineData("PUT /api/todos/7 HTTP/1.1\r\nHost: x\r\n\r\n", false)]
    public void Serving_through_the_app_allocates_nothing(string request, bool handled)
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.ASCII.GetBytes(request);
        Assert.Equal(HttpError.None, exchange.Request.Load<ShopApp.HttpEndpoint>(bytes, 0, bytes.Length));
        var endpoint = new ShopApp.HttpEndpoint();
        _ = Serve(endpoint, exchange, Iterations); // warm up with the measured loop: JIT, tiering and on-stack replacement happen here

        var before = GC.GetAllocatedBytesForCurrentThread();
        var served = Serve(endpoint, exchange, Iterations);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(handled ? Iterations : 0, served);
        Assert.Equal(0, allocated);
    }

    private static int Serve(ShopApp.HttpEndpoint endpoint, HttpExchange exchange, int count)
    {
        var handled = 0;
        for (var i = 0; i < count; i++)
        {
            exchange.Response.Clear();
            handled += endpoint.Serve(exchange).IsHandled ? 1 : 0;
        }

        return handled;
    }
}
