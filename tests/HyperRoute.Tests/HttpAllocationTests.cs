using System;
using System.Text;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>Serving through the generated <c>HttpEndpoint</c> allocates nothing in steady state, header binding included.</summary>
public sealed class HttpAllocationTests
{
    private const int Iterations = 10_000;

    [Fact]
    public void Serving_a_route_that_binds_headers_allocates_nothing()
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.ASCII.GetBytes("GET /tenants/42?verbose=true HTTP/1.1\r\nHost: x\r\nX-Tenant: acme\r\nX-Limit: 50\r\nAccept: */*\r\n\r\n");
        Assert.Equal(HttpError.None, exchange.Request.Load<ZeroAllocHttpApi.HttpEndpoint>(bytes, 0, bytes.Length));
        var endpoint = new ZeroAllocHttpApi.HttpEndpoint();
        var handled = Serve(endpoint, exchange, Iterations); // warm up with the measured loop: JIT, tiering and on-stack replacement happen here

        var before = GC.GetAllocatedBytesForCurrentThread();
        handled = Serve(endpoint, exchange, Iterations);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Iterations, handled);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Serving_a_router_that_takes_no_exchange_allocates_nothing()
    {
        // Its dispatcher is shared with the in-process Dispatch: Serve hands it the exchange's route slot by reference.
        var exchange = new HttpExchange();
        var bytes = Encoding.ASCII.GetBytes("GET /counts/42 HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(HttpError.None, exchange.Request.Load<PlainFaultApi.HttpEndpoint>(bytes, 0, bytes.Length));
        var endpoint = new PlainFaultApi.HttpEndpoint();
        var handled = Serve(endpoint, exchange, Iterations); // warm up with the measured loop

        var before = GC.GetAllocatedBytesForCurrentThread();
        handled = Serve(endpoint, exchange, Iterations);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Iterations, handled);
        Assert.Equal(0, allocated);
        Assert.Equal("GET /counts/{id:int}", PlainFaultApi.RoutePatterns[exchange.Route]);
    }

    private static int Serve<TEndpoint>(TEndpoint endpoint, HttpExchange exchange, int count)
        where TEndpoint : struct, IHttpEndpoint
    {
        var handled = 0;
        for (var i = 0; i < count; i++)
        {
            handled += endpoint.Serve(exchange).IsHandled ? 1 : 0;
        }

        return handled;
    }
}

/// <summary>Handlers that only read their arguments: any allocation is the endpoint's.</summary>
[Router]
public static partial class ZeroAllocHttpApi
{
    /// <summary>What the last call computed, so the arguments are used.</summary>
    public static long Sink;

    [Route("GET /tenants/{id:int}")]
    public static void GetTenant(int id, [Header("X-Tenant")] ReadOnlySpan<byte> tenant, [Header("X-Limit")] int limit, [Header("X-Trace")] long? trace, HttpResponse response, bool verbose = false)
        => Sink = id + tenant.Length + limit + (trace ?? 0) + (verbose ? 1 : 0) + response.StatusCode;
}
