using System;
using HyperRoute.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperRoute.AspNetCore;

/// <summary>Adds a HyperRoute router to an ASP.NET Core pipeline.</summary>
public static class HyperRouteApplicationBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="endpoint"/> (a router's generated <c>HttpEndpoint</c>, e.g. <c>new ShopApi.HttpEndpoint()</c>)
    /// at this point of the pipeline: the generated dispatcher routes the request's raw target, binds and runs the
    /// handler with its validators and transforms, and writes its result, as the built-in server does. Middleware added
    /// before it (authentication, CORS, rate limiting) runs first. Under <c>app.Map("/base", ...)</c> the router sees
    /// the path below the base. Unmatched requests are answered 404/405 unless <see cref="HyperRouteOptions.PassUnmatched"/>.
    /// </summary>
    public static IApplicationBuilder UseHyperRoute<TEndpoint>(this IApplicationBuilder app, TEndpoint endpoint, Action<HyperRouteOptions>? configure = null)
        where TEndpoint : struct, IHttpEndpoint
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseHyperRoute(_ => endpoint, configure);
    }

    /// <summary>
    /// As <see cref="UseHyperRoute{TEndpoint}(IApplicationBuilder, TEndpoint, Action{HyperRouteOptions})"/>, with the
    /// endpoint made once from the application's services: an instance router the container builds, e.g.
    /// <c>services => new ShopApi.HttpEndpoint(services.GetRequiredService&lt;ShopApi&gt;())</c>.
    /// </summary>
    public static IApplicationBuilder UseHyperRoute<TEndpoint>(this IApplicationBuilder app, Func<IServiceProvider, TEndpoint> createEndpoint, Action<HyperRouteOptions>? configure = null)
        where TEndpoint : struct, IHttpEndpoint
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(createEndpoint);
        var options = new HyperRouteOptions();
        configure?.Invoke(options);
        options.Limits.Validate();
        var endpoint = createEndpoint(app.ApplicationServices);
        var logger = app.ApplicationServices.GetService<ILoggerFactory>()?.CreateLogger("HyperRoute.AspNetCore") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var router = new HyperRouteMiddleware<TEndpoint>(endpoint, options, logger);
        return app.Use(next => context => router.InvokeAsync(context, next));
    }
}
