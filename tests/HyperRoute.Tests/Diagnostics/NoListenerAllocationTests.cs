using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Tests.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HyperRoute.Tests.Diagnostics;

/// <summary>
/// With telemetry wired up (a logger factory whose levels are off, a meter factory) and nothing listening, a request
/// through the real server pays a flag check and allocates nothing. No test in this assembly listens to
/// <c>HyperRoute.Http</c>: the spans and measurements are tested in HyperRoute.Telemetry.Tests, a process of their own.
/// </summary>
public sealed class NoListenerAllocationTests
{
    private const int Warmup = 1_000;
    private const int Measured = 10_000;

    [Theory]
    [InlineData("/plaintext", "Hello, World!")]
    [InlineData("/users/12345", "{\"id\":12345}")]
    public async Task A_request_allocates_nothing_when_no_listener_wants_its_metrics_spans_or_logs(string path, string body)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the epoll transport is Linux-only; the sockets transport allocates per receive by design
        }

        Assert.False(new ActivitySource("HyperRoute.Http").HasListeners(), "Something in this process listens to HyperRoute.Http spans.");
        using var meters = new ScopedMeterFactory();
        var log = new AllocationLog(Warmup + Measured + 1);
        var options = new HttpServerOptions
        {
            Port = 0,
            Workers = 1,
            UseEpoll = true,
            LoggerFactory = NullLoggerFactory.Instance,
            MeterFactory = meters,
        };
        var server = HttpServer.Start(new Measuring<HyperRoute.Samples.Api.ShopApi.HttpEndpoint>(default, log), options);
        try
        {
            using var client = RawHttpClient.Connect(server.EndPoint);
            var request = Requests.Get(path);
            for (var i = 0; i <= Warmup + Measured; i++)
            {
                client.Send(request);
                var response = client.Read();
                if (response.Status != 200 || response.BodyText != body)
                {
                    Assert.Fail($"Request {i}: {response.Status} '{response.BodyText}'.");
                }
            }
        }
        finally
        {
            await server.StopAsync(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(Warmup + Measured + 1, log.Count);
        var why = log.WhyNotAllocationFree(Warmup, Warmup + Measured);
        Assert.True(why is null, $"{Measured} requests on the worker with no listener: {why}");
        Assert.Equal(Warmup + Measured + 1, server.RequestsServed);
    }
}

/// <summary>An <see cref="IMeterFactory"/> whose meters are scoped to it, as a host's container makes them.</summary>
public sealed class ScopedMeterFactory : IMeterFactory
{
    private readonly System.Collections.Generic.List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
