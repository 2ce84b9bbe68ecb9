using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;
using HyperRoute.Benchmarks.Small;

namespace HyperRoute.Benchmarks;

/// <summary>The requests of the 10-route scenarios.</summary>
public enum TenRouteScenario
{
    /// <summary><c>GET /health</c>: a literal route among the 10.</summary>
    LiteralHit,

    /// <summary><c>GET /users/12345</c>: <c>GET /users/{id:int}</c>, parsed and bound.</summary>
    ParameterHit,

    /// <summary><c>GET /nothing/here</c>: no route has this path (404).</summary>
    Miss,
}

/// <summary>
/// The 10-route table (<see cref="SmallApi"/>): HyperRoute's generated <c>Dispatch</c>, ASP.NET Core endpoint
/// routing and the hand-written floor, on the same request, calling the same handler.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class TenRoutes
{
    private Request _request = null!;
    private AspNetCorePipeline _aspNetCore = null!;

    [Params(TenRouteScenario.LiteralHit, TenRouteScenario.ParameterHit, TenRouteScenario.Miss)]
    public TenRouteScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _request = Scenario switch
        {
            TenRouteScenario.LiteralHit => new Request("GET", "/health", "", expected: SmallApi.Health()),
            TenRouteScenario.ParameterHit => new Request("GET", "/users/12345", "", expected: SmallApi.GetUser(12345)),
            TenRouteScenario.Miss => new Request("GET", "/nothing/here", "", expected: -404),
            _ => throw new ArgumentOutOfRangeException(nameof(Scenario)),
        };
        _aspNetCore = new AspNetCorePipeline(SmallAspNetCore.Map);

        // Each implementation must do the work being timed: reach the handler, or answer 404.
        _request.Verify(nameof(HandWritten), HandWritten());
        _request.Verify(nameof(HyperRoute), HyperRoute());
        _request.Verify(nameof(AspNetCore), AspNetCore());
    }

    [GlobalCleanup]
    public ValueTask Cleanup() => _aspNetCore.DisposeAsync();

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var status = SmallHandWritten.Dispatch(_request.Method, _request.Path, _request.Query, out var result);
        return status == 200 ? result : -status;
    }

    [Benchmark]
    public int HyperRoute()
    {
        var match = SmallApi.Dispatch(_request.Method, _request.Path, _request.Query, out var result);
        return match.IsHandled ? result : -match.StatusCode;
    }

    [Benchmark]
    public int AspNetCore() => _aspNetCore.Invoke(_request.MethodString, _request.PathString, _request.QueryString);
}
