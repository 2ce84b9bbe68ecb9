using System;
using System.Threading.Tasks;
using HyperRoute.Http;

// The spans and measurements of one test must not mix with another's: the activity source is process-wide.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace HyperRoute.Telemetry.Tests;

/// <summary>A router with each kind of outcome the telemetry tells apart.</summary>
[Router]
public static partial class ObservedApi
{
    [Route("GET /items/{id:int}")]
    public static string Get(int id, int limit = 10) => $"item {id} of {limit}";

    [Route("POST /fail")]
    public static void Fail() => throw new InvalidOperationException("the handler failed");

    [Route("GET /later/{id:int}")]
    public static async ValueTask<string> Later(int id)
    {
        await Task.Yield();
        return $"later {id}";
    }

    [Route("GET /fail-later")]
    public static async ValueTask<string> FailLater()
    {
        await Task.Yield();
        throw new TimeoutException("the store timed out");
    }

    [Route("GET /current")]
    public static void Current(HttpResponse response)
        => response.Text(System.Text.Encoding.ASCII.GetBytes(System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? "none"));
}
