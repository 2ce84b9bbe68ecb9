using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using HyperRoute.Http;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace HyperRoute.Telemetry.Tests;

/// <summary>
/// User code that throws synchronously inside a route (its handler, its validator, a parameter's transform) makes
/// <c>Serve</c> throw instead of returning the match that names the route; the route noted itself on the exchange first,
/// so on the real server, on both transports, the 500 is still measured, traced and logged under it. A fault before any
/// route matched carries none, even on a connection whose previous request had one.
/// </summary>
public sealed class HandlerFaultRouteTests : IDisposable
{
    private readonly ScopedMeterFactory _meters = new();
    private readonly MetricCollector<double> _durations;
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracing;
    private readonly FakeLogger _logger = new(new FakeLogCollector(), "HyperRoute.Http.HttpServer");

    public HandlerFaultRouteTests()
    {
        _durations = new MetricCollector<double>(_meters, "HyperRoute.Http", "http.server.request.duration");
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource("HyperRoute.Http").AddInMemoryExporter(_spans).Build()!;
    }

    public static TheoryData<string> Transports => new(["epoll", "sockets"]);

    public void Dispose()
    {
        _tracing.Dispose();
        _durations.Dispose();
        _meters.Dispose();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_synchronous_handler_that_throws_is_measured_traced_and_logged_under_its_route(string transport)
    {
        await Serve(new FaultingApi.HttpEndpoint(), transport, ("/orders/5", HttpStatusCode.InternalServerError));

        AssertFaultUnder("/orders/{id:int}", typeof(InvalidOperationException));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_throwing_handler_of_a_router_that_takes_no_exchange_is_reported_under_its_route(string transport)
    {
        await Serve(new PlainFaultApi.HttpEndpoint(), transport, ("/plain/5", HttpStatusCode.InternalServerError));

        AssertFaultUnder("/plain/{id:int}", typeof(InvalidOperationException));
    }

    [Theory]
    [InlineData("epoll", "/guarded/5", "/guarded/{id:int}", typeof(ArgumentException))] // the route's request validator
    [InlineData("sockets", "/guarded/5", "/guarded/{id:int}", typeof(ArgumentException))]
    [InlineData("epoll", "/shaped/5", "/shaped/{id:int}", typeof(FormatException))] // a parameter's transform
    [InlineData("sockets", "/shaped/5", "/shaped/{id:int}", typeof(FormatException))]
    public async Task A_validator_or_transform_of_the_route_that_throws_is_reported_under_the_route(string transport, string path, string template, Type thrown)
    {
        await Serve(new FaultingApi.HttpEndpoint(), transport, (path, HttpStatusCode.InternalServerError));

        AssertFaultUnder(template, thrown);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Requests_after_a_routed_one_on_the_same_connection_carry_no_route_unless_they_matched_one(string transport)
    {
        // The router's own validator throws for ?explode before any route matched: the route /ok noted on the
        // connection's exchange by the first request must not be reported for it.
        var connections = await Serve(
            new FaultingApi.HttpEndpoint(),
            transport,
            ("/ok", HttpStatusCode.OK),
            ("/nowhere", HttpStatusCode.NotFound),
            ("/ok?explode", HttpStatusCode.InternalServerError));

        Assert.Equal(1, connections);
        Assert.Equal(
            new[]
            {
                Tags(200, "/ok"),
                Tags(404, route: null),
                Tags(500, route: null, "System.InvalidOperationException"),
            },
            _durations.GetMeasurementSnapshot().Select(m => m.Tags.ToDictionary(t => t.Key, t => t.Value)));
        Assert.Equal(["GET /ok", "GET", "GET"], _spans.Select(s => s.DisplayName));
        Assert.Equal(["/ok", null, null], _spans.Select(s => (string?)s.GetTagItem("http.route")));
        var fault = Assert.Single(Faults());
        Assert.Equal("The handler of an unknown route threw; the client got a 500 and the connection closed", fault.Message);
    }

    // Sends the requests one after another on one connection (a 500 closes it, so it comes last), checks each status, stops
    // the server (every request's telemetry is recorded by then) and returns how many connections it accepted.
    private async Task<long> Serve<TEndpoint>(TEndpoint endpoint, string transport, params (string Path, HttpStatusCode Status)[] requests)
        where TEndpoint : struct, IHttpEndpoint
    {
        var server = HttpServer.Start(endpoint, new HttpServerOptions
        {
            Address = IPAddress.Loopback,
            Port = 0,
            Workers = 1,
            UseEpoll = transport == "epoll",
            MeterFactory = _meters,
            LoggerFactory = new SingleLoggerFactory(_logger),
        });
        Assert.Equal(OperatingSystem.IsLinux() ? transport : "sockets", server.Transport);
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
            {
                BaseAddress = new Uri($"http://{server.EndPoint}/"),
                Timeout = TimeSpan.FromSeconds(10),
            };
            foreach (var (path, status) in requests)
            {
                using var response = await client.GetAsync(path.TrimStart('/'));
                Assert.Equal(status, response.StatusCode);
            }

            await _durations.WaitForMeasurementsAsync(requests.Length, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await server.StopAsync(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(0, server.ConnectionFaults);
        return server.ConnectionsAccepted;
    }

    private void AssertFaultUnder(string template, Type thrown)
    {
        var measurement = Assert.Single(_durations.GetMeasurementSnapshot());
        Assert.Equal(Tags(500, template, thrown.FullName), measurement.Tags.ToDictionary(t => t.Key, t => t.Value));

        var span = Assert.Single(_spans);
        Assert.Equal(("GET " + template, ActivityStatusCode.Error), (span.DisplayName, span.Status));
        Assert.Equal(template, span.GetTagItem("http.route"));
        Assert.Equal(thrown.FullName, span.GetTagItem("error.type"));

        var fault = Assert.Single(Faults());
        Assert.Equal((10, "HandlerFault", LogLevel.Error), (fault.Id.Id, fault.Id.Name, fault.Level));
        Assert.Equal($"The handler of GET {template} threw; the client got a 500 and the connection closed", fault.Message);
        Assert.IsType(thrown, fault.Exception);
    }

    private IEnumerable<FakeLogRecord> Faults() => _logger.Collector.GetSnapshot().Where(r => r.Id.Name == "HandlerFault");

    private static Dictionary<string, object?> Tags(int status, string? route, string? error = null) => HttpMetricsTests.Tags("GET", status, route, error);
}
