using System;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>The dispatch path allocates nothing in steady state: measured around thousands of real dispatches.</summary>
public sealed class AllocationTests
{
    private const int Iterations = 10_000;

    [Fact]
    public void Dispatching_literal_parameter_query_and_catch_all_routes_allocates_nothing()
    {
        RunAll(); // warm up: JIT, tiering, static initialisation, ArrayPool buckets

        var before = GC.GetAllocatedBytesForCurrentThread();
        var handled = 0;
        for (var i = 0; i < Iterations; i++)
        {
            handled += RunAll();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Iterations * 9, handled);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Not_found_method_not_allowed_and_bad_request_allocate_nothing()
    {
        RunFailures();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var failures = 0;
        for (var i = 0; i < Iterations; i++)
        {
            failures += RunFailures();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Iterations * 4, failures);
        Assert.Equal(0, allocated);
    }

    private static int RunAll()
    {
        var handled = 0;
        handled += Count(ZeroAllocApi.Dispatch("GET"u8, "/health"u8, default, out _));
        handled += Count(ZeroAllocApi.Dispatch("GET"u8, "/users/12345"u8, default, out _));
        handled += Count(ZeroAllocApi.Dispatch("GET"u8, "/users/12345/"u8, "verbose=true&limit=50"u8, out _));
        handled += Count(ZeroAllocApi.Dispatch("GET"u8, "/users/%31%32"u8, default, out _)); // decoded into the pooled buffer
        handled += Count(ZeroAllocApi.Dispatch("GET"u8, "/orders/0f8fad5b-d9cb-469f-a165-70867728950e"u8, default, out _));
        handled += Count(ZeroAllocApi.Dispatch("GET"u8, "/static/css/site/main.css"u8, default, out _));
        handled += Count(ZeroAllocApi.Dispatch("GET"u8, "/search"u8, "q=caf%C3%A9+au+lait"u8, out _));
        handled += Count(ZeroAllocApi.Dispatch("HEAD"u8, "/health"u8, default, out _));
        handled += Count(ZeroAllocApi.Dispatch("DELETE"u8, "/users/7"u8, default, out _));
        return handled;
    }

    private static int RunFailures()
    {
        var failures = 0;
        failures += ZeroAllocApi.Dispatch("GET"u8, "/nope"u8, default, out _).Outcome == RouteOutcome.NotFound ? 1 : 0;
        failures += ZeroAllocApi.Dispatch("PUT"u8, "/health"u8, default, out _).Outcome == RouteOutcome.MethodNotAllowed ? 1 : 0;
        failures += ZeroAllocApi.Dispatch("GET"u8, "/users/%zz"u8, default, out _).Outcome == RouteOutcome.BadRequest ? 1 : 0;
        failures += ZeroAllocApi.Dispatch("GET"u8, "/search"u8, "q=%"u8, out _).Outcome == RouteOutcome.BadRequest ? 1 : 0;
        return failures;
    }

    private static int Count(RouteMatch match) => match.IsHandled ? 1 : 0;
}

/// <summary>Handlers that take spans and return values: nothing here allocates, so any allocation is the dispatcher's.</summary>
[Router]
public static partial class ZeroAllocApi
{
    [Route("GET /health")]
    public static int Health() => 1;

    [Route("GET /users/{id:int}")]
    public static int GetUser(int id, bool verbose = false, int limit = 10) => id + limit + (verbose ? 1 : 0);

    [Route("DELETE /users/{id:int:min(1)}")]
    public static int DeleteUser(long id) => (int)id;

    [Route("GET /orders/{id:guid}")]
    public static int GetOrder(Guid id) => id.GetHashCode();

    [Route("GET /static/{*path}")]
    public static int Static(ReadOnlySpan<byte> path) => path.Length;

    [Route("GET /search")]
    public static int Search(ReadOnlySpan<byte> q) => q.Length;
}

public sealed class RouteMatchLayoutTests
{
    [Fact]
    public void Route_match_fits_in_one_register()
    {
        Assert.Equal(8, System.Runtime.CompilerServices.Unsafe.SizeOf<RouteMatch>());
    }
}
