using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.InMemory;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace HyperRoute.Telemetry.Tests;

/// <summary>
/// The server's instruments under the OpenTelemetry HTTP semantic conventions, for a known sequence of requests served
/// by the real engine (in memory): names, units, tags and counts, exactly.
/// </summary>
public sealed class HttpMetricsTests : IDisposable
{
    private readonly ScopedMeterFactory _meters = new();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task Each_request_records_its_duration_with_method_route_status_and_error_type()
    {
        using var durations = Collect<double>("http.server.request.duration");
        using var client = Client();

        await Expect(client, HttpMethod.Get, "/items/1", HttpStatusCode.OK);
        await Expect(client, HttpMethod.Get, "/nowhere", HttpStatusCode.NotFound);
        await Expect(client, HttpMethod.Get, "/items/1?limit=many", HttpStatusCode.BadRequest);
        await Expect(client, HttpMethod.Post, "/fail", HttpStatusCode.InternalServerError);
        await Expect(client, HttpMethod.Get, "/later/2", HttpStatusCode.OK);
        await Expect(client, HttpMethod.Get, "/fail-later", HttpStatusCode.InternalServerError);

        Assert.Equal("s", durations.Instrument!.Unit);
        var measurements = durations.GetMeasurementSnapshot();
        Assert.Equal(
            new[]
            {
                Tags("GET", 200, "/items/{id:int}"),
                Tags("GET", 404, route: null),
                Tags("GET", 400, "/items/{id:int}"),
                Tags("POST", 500, "/fail", "System.InvalidOperationException"), // the route noted itself before its handler threw
                Tags("GET", 200, "/later/{id:int}"),
                Tags("GET", 500, "/fail-later", "System.TimeoutException"),
            },
            measurements.Select(m => Sorted(m.Tags)));
        Assert.All(measurements, m => Assert.InRange(m.Value, 0, 30));
    }

    [Fact]
    public async Task Active_requests_go_up_and_down_once_per_request_sync_or_async()
    {
        using var active = Collect<long>("http.server.active_requests");
        using var client = Client();

        await Expect(client, HttpMethod.Get, "/items/1", HttpStatusCode.OK);
        await Expect(client, HttpMethod.Get, "/later/2", HttpStatusCode.OK);
        await Expect(client, HttpMethod.Get, "/fail-later", HttpStatusCode.InternalServerError);

        Assert.Equal("{request}", active.Instrument!.Unit);
        var measurements = active.GetMeasurementSnapshot();
        Assert.Equal(new long[] { 1, -1, 1, -1, 1, -1 }, measurements.Select(m => m.Value));
        Assert.All(measurements, m => Assert.Equal(
            new Dictionary<string, object?> { ["http.request.method"] = "GET", ["url.scheme"] = "http" },
            Sorted(m.Tags)));
    }

    [Fact]
    public async Task Connections_are_counted_while_open_and_measured_when_closed()
    {
        using var active = Collect<long>("hyperroute.server.active_connections");
        using var durations = Collect<double>("hyperroute.server.connection.duration");
        using var client = Client();

        await Expect(client, HttpMethod.Get, "/items/1", HttpStatusCode.OK); // the in-memory client opens a connection per request
        await Expect(client, HttpMethod.Get, "/items/2", HttpStatusCode.OK);

        Assert.Equal(new long[] { 1, -1, 1, -1 }, active.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal("s", durations.Instrument!.Unit);
        var closed = durations.GetMeasurementSnapshot();
        Assert.Equal(2, closed.Count);
        Assert.All(closed, m => Assert.Equal(
            new Dictionary<string, object?>
            {
                ["network.protocol.name"] = "http",
                ["network.transport"] = "tcp",
                ["server.address"] = "255.255.255.255",
                ["server.port"] = 0,
            },
            Sorted(m.Tags)));
    }

    [Fact]
    public async Task A_request_the_parser_refuses_is_counted_by_error_type_and_ends_its_connection_with_it()
    {
        using var rejected = Collect<long>("hyperroute.server.rejected_requests");
        using var durations = Collect<double>("hyperroute.server.connection.duration");
        using var requests = Collect<double>("http.server.request.duration");
        var server = InMemoryServer.Create(new ObservedApi.HttpEndpoint(), new HttpServerOptions { MeterFactory = _meters });

        var answer = Encoding.ASCII.GetString(await server.SendRawAsync("GET /items/1 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"u8.ToArray()));

        Assert.StartsWith("HTTP/1.1 400 ", answer);
        var count = Assert.Single(rejected.GetMeasurementSnapshot());
        Assert.Equal(1, count.Value);
        Assert.Equal(new Dictionary<string, object?> { ["error.type"] = "duplicate_host", ["http.response.status_code"] = 400 }, Sorted(count.Tags));
        Assert.Equal("duplicate_host", Assert.Single(durations.GetMeasurementSnapshot()).Tags["error.type"]);
        Assert.Empty(requests.GetMeasurementSnapshot()); // no route ran: not a request of http.server.request.duration
    }

    [Fact]
    public async Task Nothing_is_recorded_on_meters_of_another_scope()
    {
        using var other = new ScopedMeterFactory();
        using var durations = new MetricCollector<double>(other, "HyperRoute.Http", "http.server.request.duration");
        using var client = Client();

        await Expect(client, HttpMethod.Get, "/items/1", HttpStatusCode.OK);

        Assert.Empty(durations.GetMeasurementSnapshot());
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct
        => new(_meters, "HyperRoute.Http", instrument);

    private HttpClient Client() => InMemoryServer.CreateClient(new ObservedApi.HttpEndpoint(), new HttpServerOptions { MeterFactory = _meters });

    private static async Task Expect(HttpClient client, HttpMethod method, string path, HttpStatusCode status)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path));
        Assert.Equal(status, response.StatusCode);
    }

    /// <summary>The tags the server records a request's duration with.</summary>
    internal static Dictionary<string, object?> Tags(string method, int status, string? route, string? error = null)
    {
        var tags = new Dictionary<string, object?>
        {
            ["http.request.method"] = method,
            ["http.response.status_code"] = status,
            ["network.protocol.version"] = "1.1",
            ["url.scheme"] = "http",
        };
        if (route is not null)
        {
            tags["http.route"] = route;
        }

        if (error is not null)
        {
            tags["error.type"] = error;
        }

        return tags;
    }

    private static Dictionary<string, object?> Sorted(IReadOnlyDictionary<string, object?> tags) => tags.ToDictionary(t => t.Key, t => t.Value);
}
