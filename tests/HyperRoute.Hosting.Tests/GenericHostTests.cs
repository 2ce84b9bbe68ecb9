using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Messaging.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace HyperRoute.Hosting.Tests;

/// <summary>The built-in server and the message sources as Generic Host services, on 127.0.0.1.</summary>
public sealed class GenericHostTests
{
    private const string Settings = """
        {
          "HyperRoute": {
            "Address": "127.0.0.1",
            "Port": 0,
            "Workers": 1,
            "Limits": { "MaxRequestBodySize": 16 }
          },
          "Telemetry": { "Address": "127.0.0.1", "Port": 0 }
        }
        """;

    [Fact]
    public async Task Server_options_are_bound_from_appsettings_json()
    {
        using var host = Build();
        await host.StartAsync();
        var server = host.Services.GetRequiredService<HyperRouteServer<HostedApi.HttpEndpoint>>();

        Assert.Equal(IPAddress.Loopback, server.Options.Address);
        Assert.Equal(1, server.Options.Workers);
        Assert.Equal(16, server.Options.Limits.MaxRequestBodySize);
        Assert.NotEqual(0, server.EndPoint.Port);
        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        await host.StopAsync();
    }

    [Fact]
    public async Task Hosted_server_serves_requests_with_the_configured_limits()
    {
        using var host = Build();
        await host.StartAsync();
        using var client = Client(host);

        Assert.Equal("pong", await client.GetStringAsync("/ping"));
        using var small = await client.PostAsync("/echo", new StringContent("fits"));
        using var large = await client.PostAsync("/echo", new StringContent("more than sixteen bytes"));

        Assert.Equal("fits", await small.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        await host.StopAsync();
    }

    [Fact]
    public async Task Code_changes_the_options_after_configuration()
    {
        using var host = Build(services => services.AddHyperRouteServer<HostedApi.HttpEndpoint>(configure: o => o with { Workers = 2 }));
        await host.StartAsync();

        Assert.Equal(2, host.Services.GetRequiredService<HyperRouteServer<HostedApi.HttpEndpoint>>().Options.Workers);
        await host.StopAsync();
    }

    [Fact]
    public async Task Stopping_the_host_lets_an_in_flight_request_finish()
    {
        using var host = Build();
        await host.StartAsync();
        using var client = Client(host);
        var gate = host.Services.GetRequiredService<Gate>();

        var request = client.GetStringAsync("/held");
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = host.StopAsync();
        Assert.False(stopping.IsCompleted); // the server drains before the host's stop completes
        gate.Release.SetResult();

        Assert.Equal("released", await request.WaitAsync(TimeSpan.FromSeconds(10)));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stopping_the_host_ends_a_stuck_request_at_the_shutdown_timeout()
    {
        using var host = Build(configureHost: o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        await host.StartAsync();
        using var client = Client(host);
        var gate = host.Services.GetRequiredService<Gate>();

        var request = client.GetAsync("/held");
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(10)); // bounded by the host's timeout, not the handler

        using var response = await request.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        gate.Release.SetResult();
    }

    [Fact]
    public async Task Scoped_service_is_shared_within_a_request_differs_between_them_and_is_disposed()
    {
        using var host = Build();
        await host.StartAsync();
        using var client = Client(host);
        var disposedBefore = RequestCounter.Disposed;

        var first = (await client.GetStringAsync("/scoped")).Split('/');
        var second = (await client.GetStringAsync("/scoped")).Split('/');

        Assert.Equal(first[0], first[1]);
        Assert.Equal(second[0], second[1]);
        Assert.NotEqual(first[0], second[0]);
        Assert.True(RequestCounter.Disposed >= disposedBefore + 2, "each request's scope is disposed when it is answered");
        await host.StopAsync();
    }

    [Fact]
    public async Task Keyed_service_is_resolved_by_its_key()
    {
        using var host = Build();
        await host.StartAsync();
        using var client = Client(host);

        Assert.Equal("Europe", await client.GetStringAsync("/region"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Missing_registration_is_a_500_problem_and_a_log_entry()
    {
        var logged = new ConcurrentQueue<string>();
        using var host = Build(configureLogging: l => l.AddProvider(new ListLoggerProvider(logged)));
        await host.StartAsync();
        using var client = Client(host);

        using var response = await client.GetAsync("/unregistered");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(logged, line => line.StartsWith("HyperRoute.Http.HttpServer HandlerFault", StringComparison.Ordinal) && line.Contains(nameof(IUnregistered), StringComparison.Ordinal));
        Assert.Single(logged, line => line.Contains(nameof(IUnregistered), StringComparison.Ordinal)); // logged once, not also by the host
        await host.StopAsync();
    }

    [Fact]
    public async Task Framed_tcp_source_runs_as_a_hosted_service()
    {
        using var host = Build(services => services.AddHyperRouteFramedTcpSource(sp => new CountingHandler(sp.GetRequiredService<FrameLog>()), "Telemetry"));
        await host.StartAsync();
        var source = host.Services.GetRequiredService<HyperRouteSource<FramedTcpSource<CountingHandler>>>();
        var log = host.Services.GetRequiredService<FrameLog>();

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(source.EndPoint);
            await tcp.GetStream().WriteAsync(new byte[] { 0, 0, 0, 3, (byte)'a', (byte)'b', (byte)'c' });
            await log.FirstFrame.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, log.Frames);
        Assert.Equal(IPAddress.Loopback, source.EndPoint.Address);
        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static IHost Build(Action<IServiceCollection>? services = null, Action<HostOptions>? configureHost = null, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Settings)));
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        if (configureHost is not null)
        {
            builder.Services.Configure(configureHost);
        }

        builder.Services.AddScoped<RequestCounter>();
        builder.Services.AddKeyedSingleton("eu", new Region("Europe"));
        builder.Services.AddSingleton<Gate>();
        builder.Services.AddSingleton<FrameLog>();
        if (services is null)
        {
            builder.Services.AddHyperRouteServer<HostedApi.HttpEndpoint>();
        }
        else
        {
            services(builder.Services); // the test registers what it serves
        }

        return builder.Build();
    }

    private static HttpClient Client(IHost host)
        => new() { BaseAddress = new Uri($"http://{host.Services.GetRequiredService<HyperRouteServer<HostedApi.HttpEndpoint>>().EndPoint}/"), Timeout = TimeSpan.FromSeconds(30) };
}
