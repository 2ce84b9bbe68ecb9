using System;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;

namespace HyperRoute.Samples.Proxy;

/// <summary>
/// The reverse proxy: every request under any path goes to <see cref="Backends"/>, except <c>GET /_proxy/stats</c>,
/// answered here with each backend's counters. Request bodies are streamed to the backend (<c>StreamsRequestBody</c>).
/// </summary>
[Router]
public static partial class Gateway
{
    /// <summary>The backends, set by <c>Program</c> from <c>--backend</c> before the server starts.</summary>
    public static BackendGroup Backends = null!;

    [Route("GET /_proxy/stats")]
    public static string Stats() => Statistics.Describe(Backends);

    // Every forwarded request's body goes to the backend as it arrives, never held whole (docs/proxy.md).
    private static bool StreamsRequestBody(HttpRequest request) => !request.Path.SequenceEqual("/_proxy/stats"u8);

    [Route("GET /{*path}")]
    [Forward(nameof(Backends))]
    public static partial ValueTask Get(HttpExchange exchange);

    [Route("HEAD /{*path}")]
    [Forward(nameof(Backends))]
    public static partial ValueTask Head(HttpExchange exchange);

    [Route("POST /{*path}")]
    [Forward(nameof(Backends))]
    public static partial ValueTask Post(HttpExchange exchange);

    [Route("PUT /{*path}")]
    [Forward(nameof(Backends))]
    public static partial ValueTask Put(HttpExchange exchange);

    [Route("PATCH /{*path}")]
    [Forward(nameof(Backends))]
    public static partial ValueTask Patch(HttpExchange exchange);

    [Route("DELETE /{*path}")]
    [Forward(nameof(Backends))]
    public static partial ValueTask Delete(HttpExchange exchange);
}

/// <summary>
/// The tiny echo backend (<c>--echo</c>): <c>GET /</c> answers the 13-byte <c>Hello, World!</c> the benchmarks use;
/// any other path answers what it received, so the proxy's rewriting and headers can be seen.
/// </summary>
[Router]
public static partial class EchoBackend
{
    /// <summary>This backend's name in its answers (its port), and a space.</summary>
    public static byte[] Name = "echo "u8.ToArray();

    [Route("GET /")]
    public static void Hello(HttpResponse response) => response.Text("Hello, World!"u8);

    [Route("GET /{*path}")]
    public static void Echo(ReadOnlySpan<byte> path, HttpRequest request, HttpResponse response) => Write(request, response);

    [Route("POST /{*path}")]
    public static void EchoPost(ReadOnlySpan<byte> path, HttpRequest request, HttpResponse response) => Write(request, response);

    private static void Write(HttpRequest request, HttpResponse response)
    {
        response.SetContentType("text/plain"u8);
        response.Write(Name);
        response.Write(request.Method);
        response.Write(" "u8);
        response.Write(request.Target);
        response.Write("\n"u8);
        response.Write(request.Body);
    }
}
