using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>[FromServices] and [FromKeyedServices] parameters inside ASP.NET Core: the request's own scope.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Scoped_service_is_shared_within_a_request_and_differs_between_requests()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        var first = (await client.GetStringAsync("/scoped")).Split('/');
        var second = (await client.GetStringAsync("/scoped")).Split('/');

        Assert.Equal(first[0], first[1]);
        Assert.Equal(second[0], second[1]);
        Assert.NotEqual(first[0], second[0]);
    }

    [Fact]
    public async Task Async_handler_receives_its_service()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        Assert.Equal("hello", await client.GetStringAsync("/greet"));
    }

    [Fact]
    public async Task Keyed_service_is_resolved_by_its_key()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        Assert.Equal("HELLO", await client.GetStringAsync("/greet/loud"));
    }

    [Fact]
    public async Task Missing_registration_is_a_500_problem_and_a_reported_error()
    {
        var reported = new ConcurrentQueue<Exception>();
        await using var app = await StartAsync(reported);
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/unregistered");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(nameof(IUnregistered), Assert.Single(reported).Message);
    }

    private static Task<WebApplication> StartAsync(ConcurrentQueue<Exception>? reported = null) => TestApps.StartAsync(
        a => a.UseRoutes(new ServiceRoutes.HttpEndpoint(), o => o.OnHandlerError = e => reported?.Enqueue(e)),
        b =>
        {
            b.Services.AddScoped<RequestCounter>();
            b.Services.AddSingleton<IGreeter, PlainGreeter>();
            b.Services.AddKeyedSingleton<IGreeter, LoudGreeter>("loud");
        });
}
