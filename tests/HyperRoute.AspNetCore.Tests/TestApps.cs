using System;
using System.Threading.Tasks;
using HyperRoute.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>Builds an ASP.NET Core app on the in-memory <see cref="TestServer"/> with a pipeline the test describes.</summary>
internal static class TestApps
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> pipeline, Action<WebApplicationBuilder>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        services?.Invoke(builder);
        var app = builder.Build();
        pipeline(app);
        await app.StartAsync();
        return app;
    }

    public static WebApplication UseRoutes<TEndpoint>(this WebApplication app, TEndpoint endpoint, Action<HyperRouteOptions>? configure = null)
        where TEndpoint : struct, IHttpEndpoint
    {
        app.UseHyperRoute(endpoint, configure);
        return app;
    }
}
