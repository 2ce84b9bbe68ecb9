using System;
using System.Text;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>Validators and transforms are direct static calls: a route that runs them allocates nothing on success.</summary>
public sealed class PipelineAllocationTests
{
    private const int Iterations = 10_000;

    [Fact]
    public void Serving_a_route_with_two_validators_and_transforms_allocates_nothing()
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.ASCII.GetBytes("GET /items/42 HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(HttpError.None, exchange.Request.Load<ZeroAllocPipelineApi.HttpEndpoint>(bytes, 0, bytes.Length));
        var endpoint = new ZeroAllocPipelineApi.HttpEndpoint();
        var handled = Serve(endpoint, exchange, Iterations); // warm up with the measured loop: JIT, tiering and on-stack replacement happen here

        var before = GC.GetAllocatedBytesForCurrentThread();
        handled = Serve(endpoint, exchange, Iterations);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Iterations, handled);
        Assert.Equal(42, ZeroAllocPipelineApi.Sink - 200);
        Assert.Equal(0, allocated);
    }

    private static int Serve(ZeroAllocPipelineApi.HttpEndpoint endpoint, HttpExchange exchange, int count)
    {
        var handled = 0;
        for (var i = 0; i < count; i++)
        {
            handled += endpoint.Serve(exchange).IsHandled ? 1 : 0;
        }

        return handled;
    }
}

/// <summary>Two validators and a transform on the hot path: nothing may allocate on success.</summary>
[Router]
public static partial class ZeroAllocPipelineApi
{
    /// <summary>What the last call computed, so the arguments are used.</summary>
    public static long Sink;

    [Route("GET /items/{id:int}")]
    [Transform<QuietNoStore>]
    public static void Get([Validate<QuietPositive>, Validate<QuietBelowMillion>, Transform<QuietClamp>] int id, HttpResponse response)
        => Sink = id + response.StatusCode;
}

/// <summary>A positive value; records nothing.</summary>
[Validator]
public partial struct QuietPositive : IValidator<int>
{
    public static ValidationResult Validate(in int value) => value > 0 ? ValidationResult.Ok : ValidationResult.Fail("must be positive"u8);
}

/// <summary>Below a million; records nothing.</summary>
[Validator]
public partial struct QuietBelowMillion : IValidator<int>
{
    public static ValidationResult Validate(in int value) => value < 1_000_000 ? ValidationResult.Ok : ValidationResult.Fail("too large"u8);
}

/// <summary>At most 1000; records nothing.</summary>
[Transform]
public partial struct QuietClamp : ITransform<int>
{
    public static void Transform(ref int value) => value = Math.Min(value, 1000);
}

/// <summary><c>Cache-Control: no-store</c>; records nothing.</summary>
[Transform]
public partial struct QuietNoStore : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
}
