using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.InMemory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace HyperRoute.Telemetry.Tests;

/// <summary>The server's <c>[LoggerMessage]</c> events: stable IDs, levels and messages; the error callback still called.</summary>
public sealed class HttpLoggingTests
{
    private readonly FakeLogger _logger = new(new FakeLogCollector(), "HyperRoute.Http.HttpServer");

    [Fact]
    public async Task A_handler_fault_is_logged_as_an_error_with_its_route_and_exception_and_the_callback_still_runs()
    {
        Exception? reported = null;
        using var client = InMemoryServer.CreateClient(new ObservedApi.HttpEndpoint(), Options() with { OnHandlerError = e => reported = e });

        using var response = await client.GetAsync("/fail-later");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((10, "HandlerFault", LogLevel.Error), (record.Id.Id, record.Id.Name, record.Level));
        Assert.Equal("The handler of GET /fail-later threw; the client got a 500 and the connection closed", record.Message);
        Assert.IsType<TimeoutException>(record.Exception);
        Assert.Same(record.Exception, reported);
    }

    [Fact]
    public async Task A_synchronous_handler_fault_is_logged_with_its_route_too()
    {
        using var client = InMemoryServer.CreateClient(new ObservedApi.HttpEndpoint(), Options());

        using var response = await client.PostAsync("/fail", null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal("The handler of POST /fail threw; the client got a 500 and the connection closed", record.Message);
        Assert.IsType<InvalidOperationException>(record.Exception);
    }

    [Theory]
    [InlineData("GET /items/1 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 20, "MalformedRequest", "Request rejected with 400: malformed (duplicate_host)")]
    [InlineData("GET /items/1 HTTP/2.0\r\nHost: a\r\n\r\n", 23, "RequestNotSupported", "Request rejected with 505: the server does not support it (unsupported_version)")]
    public async Task A_protocol_error_is_logged_at_debug_under_its_category(string request, int id, string name, string message)
    {
        var server = InMemoryServer.Create(new ObservedApi.HttpEndpoint(), Options());

        await server.SendRawAsync(Encoding.ASCII.GetBytes(request));

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((id, name, LogLevel.Debug, message), (record.Id.Id, record.Id.Name, record.Level, record.Message));
    }

    [Fact]
    public async Task A_request_over_a_limit_is_logged_as_too_large()
    {
        var server = InMemoryServer.Create(new ObservedApi.HttpEndpoint(), Options() with { Limits = HttpLimits.Default with { MaxRequestLineSize = 24 } });

        await server.SendRawAsync(Encoding.ASCII.GetBytes("GET /items/1?limit=1234567890 HTTP/1.1\r\nHost: a\r\n\r\n"));

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((22, "RequestTooLarge", 414), (record.Id.Id, record.Id.Name, record.GetStructuredStateValue("StatusCode") is { } s ? int.Parse(s) : 0));
    }

    [Fact]
    public async Task Nothing_is_logged_when_the_level_is_off()
    {
        _logger.ControlLevel(LogLevel.Debug, false);
        _logger.ControlLevel(LogLevel.Error, false);
        using var client = InMemoryServer.CreateClient(new ObservedApi.HttpEndpoint(), Options());
        var server = InMemoryServer.Create(new ObservedApi.HttpEndpoint(), Options());

        using var response = await client.PostAsync("/fail", null);
        await server.SendRawAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task The_server_logs_where_it_listens_when_it_stops_and_what_it_served()
    {
        var server = HttpServer.Start(new ObservedApi.HttpEndpoint(), Options() with { Address = IPAddress.Loopback, Port = 0, Workers = 1 });
        using (var client = new HttpClient { BaseAddress = new Uri($"http://{server.EndPoint}/") })
        {
            Assert.Equal("item 1 of 10", await client.GetStringAsync("items/1"));
        }

        await server.StopAsync(TimeSpan.FromSeconds(5));

        var records = _logger.Collector.GetSnapshot();
        Assert.Equal([(1, "ServerStarted"), (2, "ServerStopping"), (3, "ServerStopped")], records.Select(r => (r.Id.Id, r.Id.Name!)));
        Assert.All(records, r => Assert.Equal(LogLevel.Information, r.Level));
        Assert.Equal($"HyperRoute server listening on http://127.0.0.1:{server.EndPoint.Port} ({server.Transport}, 1 listening sockets)", records[0].Message);
        Assert.Equal("HyperRoute server stopped after serving 1 requests on 1 connections", records[2].Message);
    }

    private HttpServerOptions Options() => new() { LoggerFactory = new SingleLoggerFactory(_logger) };
}
