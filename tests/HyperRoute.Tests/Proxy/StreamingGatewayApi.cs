using System;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// A generated router whose forwarded uploads stream their bodies (its own <see cref="StreamsRequestBody"/>, which
/// its generated endpoint asks) while its local route gets its body buffered. The test that uses it sets
/// <see cref="Backends"/>; it is the only one.
/// </summary>
[Router]
public static partial class StreamingGatewayApi
{
    public static BackendGroup Backends = null!;

    [Route("PUT /files/{*name}")]
    [Forward(nameof(Backends), Path = "/{name}")]
    public static partial ValueTask Upload(HttpExchange exchange);

    [Route("POST /local")]
    public static void Local([Body] ReadOnlySpan<byte> body, HttpResponse response)
    {
        Span<byte> digits = stackalloc byte[11];
        System.Buffers.Text.Utf8Formatter.TryFormat(body.Length, digits, out var written);
        response.Text(digits.Slice(0, written));
    }

    private static bool StreamsRequestBody(HttpRequest request) => request.Path.StartsWith("/files/"u8);
}
