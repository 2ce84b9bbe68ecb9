using System;
using HyperRoute.Messaging.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HyperRoute.Hosting;

/// <summary>Registers HyperRoute's message sources as Generic Host services.</summary>
public static class HyperRouteSourceServiceCollectionExtensions
{
    /// <summary>
    /// Runs a framed TCP source delivering to <paramref name="createHandler"/>'s handler (made when the host starts) as a
    /// hosted service, its settings bound from the configuration section <paramref name="section"/>
    /// (<see cref="HyperRouteSourceSettings"/>) and then changed by <paramref name="configure"/>. Resolve
    /// <c>HyperRouteSource&lt;FramedTcpSource&lt;THandler&gt;&gt;</c> for its address.
    /// </summary>
    public static IServiceCollection AddHyperRouteFramedTcpSource<THandler>(
        this IServiceCollection services,
        Func<IServiceProvider, THandler> createHandler,
        string section,
        Func<FramedTcpSourceOptions, FramedTcpSourceOptions>? configure = null)
        where THandler : struct, IFrameHandler
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        return services.AddSource(
            section,
            (provider, settings, shutdown) =>
            {
                var options = settings.ApplyTo(new FramedTcpSourceOptions()) with { ShutdownTimeout = shutdown };
                options = configure?.Invoke(options) ?? options;
                return new HyperRouteSource<FramedTcpSource<THandler>>(
                    () => FramedTcpSource.Start(createHandler(provider), options),
                    static (source, deadline) => source.StopAsync(deadline),
                    static source => source.EndPoint,
                    shutdown);
            });
    }

    /// <summary>As <see cref="AddHyperRouteFramedTcpSource{THandler}"/>, for a UDP source (one frame per datagram).</summary>
    public static IServiceCollection AddHyperRouteUdpSource<THandler>(
        this IServiceCollection services,
        Func<IServiceProvider, THandler> createHandler,
        string section,
        Func<UdpSourceOptions, UdpSourceOptions>? configure = null)
        where THandler : struct, IFrameHandler
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        return services.AddSource(
            section,
            (provider, settings, shutdown) =>
            {
                var options = settings.ApplyTo(new UdpSourceOptions()) with { ShutdownTimeout = shutdown };
                options = configure?.Invoke(options) ?? options;
                return new HyperRouteSource<UdpSource<THandler>>(
                    () => UdpSource.Start(createHandler(provider), options),
                    static (source, deadline) => source.StopAsync(deadline),
                    static source => source.EndPoint,
                    shutdown);
            });
    }

    private static IServiceCollection AddSource<TSource>(
        this IServiceCollection services,
        string section,
        Func<IServiceProvider, HyperRouteSourceSettings, TimeSpan, HyperRouteSource<TSource>> create)
        where TSource : class, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var name = typeof(TSource).FullName;
        services.AddOptions<HyperRouteSourceSettings>(name).BindConfiguration(section);
        services.TryAddSingleton(provider => create(
            provider,
            provider.GetRequiredService<IOptionsMonitor<HyperRouteSourceSettings>>().Get(name),
            provider.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout));
        services.AddHostedService(static provider => provider.GetRequiredService<HyperRouteSource<TSource>>());
        return services;
    }
}
