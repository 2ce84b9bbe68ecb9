using System;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;

namespace HyperRoute.Tests.Proxy;

/// <summary>Refuses a request whose target says "blocked": proof that a proxied route's validators run before forwarding.</summary>
[Validator]
public partial struct NotBlocked : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
        => request.Target.IndexOf("blocked"u8) >= 0 ? ValidationResult.Fail("blocked"u8) : ValidationResult.Ok;
}

/// <summary>Stamps the response: proof that a proxied route's response transforms run on the backend's response.</summary>
[Transform]
public partial struct StampGateway : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response)
        => response.SetHeader("X-Gateway"u8, response.StatusCode == 200 ? "ok"u8 : "failed"u8);
}

/// <summary>
/// Proxied routes declared in the DSL: bodiless partial handlers whose bodies the generator writes. The tests of
/// <see cref="GatewayTests"/> set <see cref="Backends"/> and run one at a time.
/// </summary>
[Router]
public static partial class GatewayApi
{
    public static BackendGroup Backends = null!;

    [Route("GET /api/{*rest}")]
    [Forward(nameof(Backends), Path = "/{rest}")]
    [Validate<NotBlocked>]
    [Transform<StampGateway>]
    public static partial ValueTask Api(HttpExchange exchange);

    [Route("GET /tenants/{tenant}/items/{id:int}")]
    [Forward(nameof(Backends), Path = "/v2/{tenant}/{id}", Key = "tenant")]
    public static partial ValueTask Tenant(HttpExchange exchange);

    [Route("POST /submit")]
    [Forward(nameof(Backends))]
    public static partial ValueTask Submit(HttpExchange exchange);

    [Route("GET /local")]
    public static string Local() => "local";
}
