using HyperRoute.Http;

namespace HyperRoute;

/// <summary>
/// Checks the request itself (source side): size caps, API keys, tenant headers. Applied with
/// <see cref="ValidateAttribute{TValidator}"/> on a router (runs before routing, for every request) or on a
/// route method (runs once the route is chosen, before its arguments are bound).
/// </summary>
public interface IRequestValidator
{
    /// <summary>Checks <paramref name="request"/>; return <see cref="ValidationResult.Ok"/> or a failure naming the field.</summary>
    static abstract ValidationResult Validate(HttpRequest request);
}
