using System;
using HyperRoute.AspNetCore;
using HyperRoute.Hosting;
using HyperRoute.Samples.Hosted;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: dotnet run --project samples/HyperRoute.Samples.Hosted [-- --builtin] [--urls http://127.0.0.1:5000]
//   default:    ASP.NET Core (Kestrel: TLS, HTTP/2, middleware), the router as middleware, a minimal API next to it
//   --builtin:  the Generic Host running HyperRoute's built-in server, settings from appsettings.json "HyperRoute"
if (Array.IndexOf(args, "--builtin") >= 0)
{
    var hostBuilder = Host.CreateApplicationBuilder(args);
    AddServices(hostBuilder.Services);
    hostBuilder.Services.AddHyperRouteServer<CatalogApi.HttpEndpoint>();
    using var host = hostBuilder.Build();
    await host.RunAsync();
    return;
}

var builder = WebApplication.CreateSlimBuilder(args);
AddServices(builder.Services);
var app = builder.Build();

// Middleware before the router runs first (authentication, CORS, rate limiting would go here).
app.UseHyperRoute(new CatalogApi.HttpEndpoint(), options => options.PassUnmatched = true);
app.MapGet("/health", () => "healthy"); // not a HyperRoute route: passed on to ASP.NET Core's endpoints
await app.RunAsync();

static void AddServices(IServiceCollection services)
{
    services.AddSingleton<ICatalog, MemoryCatalog>();
    services.AddScoped<RequestStamp>();
    services.AddKeyedSingleton("greeting", "hello from a keyed service");
}

/// <summary>The sample's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
