namespace HyperRoute.Generators.Routing;

/// <summary>
/// The argument of a service parameter: <c>GetRequiredService&lt;T&gt;</c> (or the keyed form) on the request's services,
/// through <c>HyperRoute.Http.Hosting.RequestServices</c>, which names the fix when the host has no services. A
/// registration that is missing throws, and the request is answered 500 as for any handler fault.
/// </summary>
internal static class ServiceEmitter
{
    public static string Argument(ServiceSpec service)
        => service.Key is null
            ? $"Http::Hosting.RequestServices.Get<{service.Type}>(exchange)"
            : $"Http::Hosting.RequestServices.GetKeyed<{service.Type}>(exchange, {service.Key})";
}
