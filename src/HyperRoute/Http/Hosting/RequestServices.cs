using System;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRoute.Http.Hosting;

/// <summary>
/// For generated code: resolves a handler's service parameters (<see cref="FromServicesAttribute"/>,
/// <c>[FromKeyedServices]</c>) from <see cref="HttpExchange.RequestServices"/> with
/// <c>GetRequiredService&lt;T&gt;</c>: no reflection, trim- and AOT-safe.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestServices
{
    /// <summary>The service <typeparamref name="T"/> of the request; throws when the host has no services or it is not registered.</summary>
    public static T Get<T>(HttpExchange exchange)
        where T : notnull
        => Of(exchange).GetRequiredService<T>();

    /// <summary>The service <typeparamref name="T"/> registered under <paramref name="key"/>; throws when there is none.</summary>
    public static T GetKeyed<T>(HttpExchange exchange, object? key)
        where T : notnull
        => Of(exchange).GetRequiredKeyedService<T>(key);

    private static IServiceProvider Of(HttpExchange exchange)
        => exchange.RequestServices ?? throw new InvalidOperationException(
            "A handler parameter is a service ([FromServices] or [FromKeyedServices]), but the server has no services: set HttpServerOptions.Services (the built-in server), use HyperRoute.Hosting's AddHyperRouteServer, or host the router in ASP.NET Core.");
}
