using System;
using HyperRoute.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperRoute.Hosting;

/// <summary>Registers HyperRoute's built-in server as a Generic Host service.</summary>
public static class HyperRouteServiceCollectionExtensions
{
    /// <summary>The configuration section read when none is named: <c>"HyperRoute"</c>.</summary>
    public const string DefaultSection = "HyperRoute";

    /// <summary>
    /// Runs the built-in server for a static router's endpoint (<c>default(TEndpoint)</c>, e.g. <c>ShopApi.HttpEndpoint</c>)
    /// as a hosted service, with its settings bound from the configuration section <paramref name="section"/>
    /// (<see cref="HyperRouteServerSettings"/>) and then changed by <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddHyperRouteServer<TEndpoint>(this IServiceCollection services, string section = DefaultSection, Func<HttpServerOptions, HttpServerOptions>? configure = null)
        where TEndpoint : struct, IHttpEndpoint
        => services.AddHyperRouteServer(static _ => default(TEndpoint), section, configure);

    /// <summary>
    /// As <see cref="AddHyperRouteServer{TEndpoint}(IServiceCollection, string, Func{HttpServerOptions, HttpServerOptions})"/>,
    /// with the endpoint made when the host starts from its services: an instance router the container builds, e.g.
    /// <c>sp => new ShopApi.HttpEndpoint(sp.GetRequiredService&lt;ShopApi&gt;())</c>.
    /// </summary>
    public static IServiceCollection AddHyperRouteServer<TEndpoint>(
        this IServiceCollection services,
        Func<IServiceProvider, TEndpoint> createEndpoint,
        string section = DefaultSection,
        Func<HttpServerOptions, HttpServerOptions>? configure = null)
        where TEndpoint : struct, IHttpEndpoint
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(createEndpoint);
        ArgumentNullException.ThrowIfNull(section);
        var name = typeof(TEndpoint).FullName;
        services.AddOptions<HyperRouteServerSettings>(name).BindConfiguration(section);
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptionsMonitor<HyperRouteServerSettings>>().Get(name);
            var options = settings.ApplyTo(new HttpServerOptions());
            options = configure?.Invoke(options) ?? options;
            return new HyperRouteServer<TEndpoint>(provider, createEndpoint, options, provider.GetRequiredService<IOptions<HostOptions>>(), provider.GetService<ILoggerFactory>());
        });
        services.AddHostedService(static provider => provider.GetRequiredService<HyperRouteServer<TEndpoint>>());
        return services;
    }
}
