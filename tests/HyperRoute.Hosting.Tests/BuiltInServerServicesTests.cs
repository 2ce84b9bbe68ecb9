using System;
using System.Collections.Concurrent;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HyperRoute.Hosting.Tests;

/// <summary>HttpServerOptions.Services on the built-in engine, without a host: a scope per request, only where needed.</summary>
public sealed class BuiltInServerServicesTests
{
    [Fact]
    public async Task Route_without_service_parameters_creates_no_scope()
    {
        var services = new CountingProvider(new ServiceCollection().AddScoped<RequestCounter>().BuildServiceProvider());
        using var client = InMemoryServer.CreateClient(new HostedApi.HttpEndpoint(), new HttpServerOptions { Services = services });

        Assert.Equal("pong", await client.GetStringAsync("/ping"));
        Assert.Equal(0, services.ScopesCreated);

        await client.GetStringAsync("/scoped");
        Assert.Equal(1, services.ScopesCreated); // one scope for the request, shared by both parameters
    }

    [Fact]
    public async Task Service_parameter_without_services_is_a_500_problem_that_names_the_fix()
    {
        var reported = new ConcurrentQueue<Exception>();
        using var client = InMemoryServer.CreateClient(new HostedApi.HttpEndpoint(), new HttpServerOptions { OnHandlerError = reported.Enqueue });

        using var response = await client.GetAsync("/scoped");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("HttpServerOptions.Services", Assert.Single(reported).Message);
    }

    // Counts the scopes asked of the container.
    private sealed class CountingProvider(IServiceProvider inner) : IServiceProvider, IServiceScopeFactory
    {
        private int _scopes;

        public int ScopesCreated => Volatile.Read(ref _scopes);

        public object? GetService(Type serviceType) => serviceType == typeof(IServiceScopeFactory) ? this : inner.GetService(serviceType);

        public IServiceScope CreateScope()
        {
            Interlocked.Increment(ref _scopes);
            return inner.GetRequiredService<IServiceScopeFactory>().CreateScope();
        }
    }
}
