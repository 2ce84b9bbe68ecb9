using System;
using System.Text;
using HyperRoute.Http;

namespace HyperRoute.Tests;

/// <summary>
/// A router that binds headers, the body and the response: it has no in-process <c>Dispatch</c>, only its
/// <c>HttpEndpoint</c>. Handlers record what they were called with in <see cref="Seen"/>.
/// </summary>
[Router]
public static partial class TenantApi
{
    /// <summary>What the last handler on this thread saw.</summary>
    [ThreadStatic]
    public static string? Seen;

    [Route("GET /tenants/{id:int}")]
    public static void GetTenant(int id, [Header("X-Tenant")] ReadOnlySpan<byte> tenant, [Header("X-Limit")] int limit, [Header("X-Trace")] long? trace, HttpResponse response)
    {
        Seen = $"id={id} tenant={Encoding.UTF8.GetString(tenant)} limit={limit} trace={trace?.ToString() ?? "null"}";
        response.StatusCode = 203;
        response.Write(tenant);
    }

    [Route("GET /optional")]
    public static void Optional([Header("x-limit")] int limit = 10, [Header("X-Name")] string? name = null, [Header("X-Id")] Guid? id = null)
        => Seen = $"limit={limit} name={name ?? "null"} id={id?.ToString() ?? "null"}";

    [Route("POST /echo")]
    public static void Echo([Body] ReadOnlySpan<byte> body, HttpResponse response)
    {
        Seen = "body=" + Encoding.UTF8.GetString(body);
        response.StatusCode = 201;
        response.Write(body);
    }

    [Route("GET /exchange")]
    public static void Exchange(HttpExchange exchange, HttpRequest request)
        => Seen = $"same={ReferenceEquals(exchange.Request, request)} host={Encoding.UTF8.GetString(request.Host)}";

    [Route("GET /plain")]
    public static void Plain() => Seen = "plain";
}

/// <summary>A result that writes itself: the status code it carries.</summary>
public readonly struct StatusResult(int code) : IHttpResult
{
    public void WriteTo(HttpResponse response) => response.StatusCode = code;
}

/// <summary>A router of <see cref="IHttpResult"/> handlers, with one void handler that writes the response itself.</summary>
[Router]
public static partial class StatusApi
{
    [Route("GET /teapot")]
    public static StatusResult Teapot() => new(418);

    [Route("GET /status")]
    public static StatusResult FromHeader([Header("X-Status")] int status) => new(status);

    // Void: its default result (status 0, which HttpResponse rejects) must not be written.
    [Route("DELETE /cache")]
    public static void ClearCache(HttpResponse response) => response.StatusCode = 204;
}

/// <summary>An instance router: its endpoint takes the instance and runs the handlers on it.</summary>
[Router]
public partial class HitsApi
{
    public int Hits { get; private set; }

    [Route("POST /hit")]
    public void Hit([Header("X-By")] int by = 1) => Hits += by;
}

/// <summary>
/// A router that takes no exchange (void handlers binding route values only: its dispatcher also serves <c>Dispatch</c>),
/// one of whose handlers throws.
/// </summary>
[Router]
public static partial class PlainFaultApi
{
    /// <summary>What the last call computed, so the argument is used.</summary>
    public static int Sink;

    [Route("GET /counts/{id:int}")]
    public static void Count(int id) => Sink = id;

    [Route("GET /boom/{id:int}")]
    public static void Boom(int id) => throw new InvalidOperationException("boom " + id);
}

/// <summary>A router that takes the exchange (its handler binds the response), whose handler throws.</summary>
[Router]
public static partial class ExchangeFaultApi
{
    [Route("GET /boom/{id:int}")]
    public static void Boom(int id, HttpResponse response) => throw new InvalidOperationException("boom " + id);
}
