using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>Routes that exercise what the sample does not: handlers that throw (at once, or after an await), a time limit, a bound header, the host's path.</summary>
[Router]
public static partial class HostedRoutes
{
    [Route("GET /hosted/fail")]
    public static void Fail(HttpResponse response) => throw new InvalidOperationException("handler fault for the test");

    [Route("GET /hosted/fail-later")]
    public static async ValueTask FailLater(HttpResponse response)
    {
        await Task.Yield();
        throw new InvalidOperationException("handler fault for the test");
    }

    [Route("GET /hosted/late")]
    [HandlerTimeout(50)]
    public static async ValueTask Late(HttpResponse response, CancellationToken aborted)
    {
        await Task.Delay(Timeout.Infinite, aborted);
        response.Text("never"u8);
    }

    [Route("GET /hosted/echo-header")]
    public static void EchoHeader([Header("X-Probe")] ReadOnlySpan<byte> probe, HttpResponse response) => response.Text(probe);

    [Route("GET /hosted/target/{*rest}")]
    public static void Target(string rest, HttpRequest request, HttpResponse response)
    {
        Span<byte> value = stackalloc byte[256];
        response.SetHeader("X-Rest"u8, value.Slice(0, System.Text.Encoding.UTF8.GetBytes(rest, value)));
        response.Text(request.Target);
    }

    [Route("GET /hosted/version")]
    public static void Version(HttpResponse response) => response.Text("hyperroute"u8);
}
