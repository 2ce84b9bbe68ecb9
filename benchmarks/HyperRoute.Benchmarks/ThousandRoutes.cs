using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;
using HyperRoute.Benchmarks.Large;

namespace HyperRoute.Benchmarks;

/// <summary>The requests of the 1000-route scenarios.</summary>
public enum ThousandRouteScenario
{
    /// <summary><c>GET /api/v1/resource499/items/12345</c>: the last declared route, <c>GET /api/v1/resource499/items/{id:int}</c>.</summary>
    LastRoute,

    /// <summary><c>GET /api/v1/resource499/items</c>: the last declared literal route (declared just before it).</summary>
    LastLiteralRoute,
}

/// <summary>
/// The 1000-route table (<see cref="LargeApi"/>, written by <c>Scripts/GenerateLargeRouteTable.cs</c>):
/// HyperRoute's generated <c>Dispatch</c>, ASP.NET Core endpoint routing and the script-written floor, on the
/// same request, calling the same handler.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class ThousandRoutes
{
    private Request _request = null!;
    private AspNetCorePipeline _aspNetCore = null!;

    [Params(ThousandRouteScenario.LastRoute, ThousandRouteScenario.LastLiteralRoute)]
    public ThousandRouteScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _request = Scenario switch
        {
            ThousandRouteScenario.LastRoute => new Request("GET", "/api/v1/resource499/items/12345", "", expected: LargeApi.GetItem499(12345)),
            ThousandRouteScenario.LastLiteralRoute => new Request("GET", "/api/v1/resource499/items", "", expected: LargeApi.ListItems499()),
            _ => throw new ArgumentOutOfRangeException(nameof(Scenario)),
        };
        _aspNetCore = new AspNetCorePipeline(LargeAspNetCore.Map);

        // Each implementation must do the work being timed: reach the handler.
        _request.Verify(nameof(HandWritten), HandWritten());
        _request.Verify(nameof(HyperRoute), HyperRoute());
        _request.Verify(nameof(AspNetCore), AspNetCore());
    }

    [GlobalCleanup]
    public ValueTask Cleanup() => _aspNetCore.DisposeAsync();

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var status = LargeHandWritten.Dispatch(_request.Method, _request.Path, _request.Query, out var result);
        return status == 200 ? result : -status;
    }

    [Benchmark]
    public int HyperRoute()
    {
        var match = LargeApi.Dispatch(_request.Method, _request.Path, _request.Query, out var result);
        return match.IsHandled ? result : -match.StatusCode;
    }

    [Benchmark]
    public int AspNetCore() => _aspNetCore.Invoke(_request.MethodString, _request.PathString, _request.QueryString);
}
