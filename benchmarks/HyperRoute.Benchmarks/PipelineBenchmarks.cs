using System;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;
using HyperRoute.Benchmarks.Pipeline;
using HyperRoute.Http;

namespace HyperRoute.Benchmarks;

/// <summary>
/// What validators and transforms cost: the same route (<c>GET /users/{id:int}</c>, served through the generated
/// <c>HttpEndpoint.Serve</c> on a parsed request) bare, with two validators, with a parameter transform added, and
/// with a response transform (which sets a header) added too. The steps are direct static calls inlined into the dispatcher.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class PipelineBenchmarks
{
    private static readonly byte[] Request = "GET /users/12345 HTTP/1.1\r\nHost: bench\r\n\r\n"u8.ToArray();

    private readonly HttpExchange _bare = Load<BareApi.HttpEndpoint>();
    private readonly HttpExchange _validated = Load<ValidatedApi.HttpEndpoint>();
    private readonly HttpExchange _transformed = Load<TransformedApi.HttpEndpoint>();
    private readonly HttpExchange _full = Load<FullApi.HttpEndpoint>();

    [GlobalSetup]
    public void Setup()
    {
        Verify(nameof(Bare), Bare());
        Verify(nameof(TwoValidators), TwoValidators());
        Verify(nameof(TwoValidatorsAndParameterTransform), TwoValidatorsAndParameterTransform());
        Verify(nameof(TwoValidatorsAndTwoTransforms), TwoValidatorsAndTwoTransforms());
        if (!_full.Response.TryGetHeader("Cache-Control"u8, out _))
        {
            throw new InvalidOperationException("The response transform did not run.");
        }
    }

    [Benchmark(Baseline = true, Description = "no steps")]
    public RouteMatch Bare()
    {
        _bare.Response.Clear();
        return default(BareApi.HttpEndpoint).Serve(_bare);
    }

    [Benchmark(Description = "2 validators")]
    public RouteMatch TwoValidators()
    {
        _validated.Response.Clear();
        return default(ValidatedApi.HttpEndpoint).Serve(_validated);
    }

    [Benchmark(Description = "2 validators + parameter transform")]
    public RouteMatch TwoValidatorsAndParameterTransform()
    {
        _transformed.Response.Clear();
        return default(TransformedApi.HttpEndpoint).Serve(_transformed);
    }

    [Benchmark(Description = "2 validators + 2 transforms")]
    public RouteMatch TwoValidatorsAndTwoTransforms()
    {
        _full.Response.Clear();
        return default(FullApi.HttpEndpoint).Serve(_full);
    }

    private static HttpExchange Load<TEndpoint>()
        where TEndpoint : struct, IHttpEndpoint
    {
        var exchange = new HttpExchange();
        var error = exchange.Request.Load<TEndpoint>(Request, 0, Request.Length);
        return error == HttpError.None ? exchange : throw new InvalidOperationException($"The benchmark request does not parse: {error}.");
    }

    private static void Verify(string name, RouteMatch match)
    {
        if (!match.IsHandled)
        {
            throw new InvalidOperationException($"{name}: {match}, expected the route to be handled.");
        }
    }
}
