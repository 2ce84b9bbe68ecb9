using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.InMemory;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace HyperRoute.Telemetry.Tests;

/// <summary>
/// One SERVER span per request, exported by the OpenTelemetry SDK: named <c>{method} {route}</c>, child of the request's
/// <c>traceparent</c>, with the HTTP semantic conventions' attributes and status.
/// </summary>
public sealed class HttpTracingTests : IDisposable
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string ParentSpanId = "b7ad6b7169203331";

    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracing;
    private readonly HttpClient _client = InMemoryServer.CreateClient(new ObservedApi.HttpEndpoint());

    public HttpTracingTests()
        => _tracing = Sdk.CreateTracerProviderBuilder().AddSource("HyperRoute.Http").AddInMemoryExporter(_spans).Build()!;

    public void Dispose()
    {
        _client.Dispose();
        _tracing.Dispose();
    }

    [Fact]
    public async Task A_routed_request_is_a_server_span_named_after_its_method_and_route_template()
    {
        await Send(HttpMethod.Get, "/items/7?limit=3", HttpStatusCode.OK);

        var span = Assert.Single(_spans);
        Assert.Equal(("GET /items/{id:int}", ActivityKind.Server, ActivityStatusCode.Unset), (span.DisplayName, span.Kind, span.Status));
        Assert.Equal("HyperRoute.Http", span.Source.Name);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["http.request.method"] = "GET",
                ["http.response.status_code"] = 200,
                ["http.route"] = "/items/{id:int}",
                ["network.protocol.version"] = "1.1",
                ["server.address"] = "localhost",
                ["server.port"] = 80, // the in-memory client's Host: localhost:80
                ["url.path"] = "/items/7",
                ["url.query"] = "limit=3",
                ["url.scheme"] = "http",
            },
            Tags(span));
        Assert.Equal(default, span.ParentSpanId);
    }

    [Fact]
    public async Task A_request_with_a_traceparent_continues_its_trace_and_keeps_its_tracestate()
    {
        await Send(HttpMethod.Get, "/items/7", HttpStatusCode.OK, $"00-{TraceId}-{ParentSpanId}-01", "congo=t61rcWkgMzE");

        var span = Assert.Single(_spans);
        Assert.Equal(TraceId, span.TraceId.ToHexString());
        Assert.Equal(ParentSpanId, span.ParentSpanId.ToHexString());
        Assert.True(span.HasRemoteParent);
        Assert.Equal(ActivityTraceFlags.Recorded, span.ActivityTraceFlags);
        Assert.Equal("congo=t61rcWkgMzE", span.TraceStateString);
    }

    [Theory]
    [InlineData("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01")] // upper-case hex
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")] // no trace
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")] // no parent
    [InlineData("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")] // the forbidden version
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra")] // version 00 has four fields
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331")]
    public async Task A_malformed_traceparent_starts_a_new_trace(string traceParent)
    {
        await Send(HttpMethod.Get, "/items/7", HttpStatusCode.OK, traceParent);

        var span = Assert.Single(_spans);
        Assert.NotEqual(TraceId, span.TraceId.ToHexString());
        Assert.Equal(default, span.ParentSpanId);
    }

    [Fact]
    public async Task A_request_no_route_takes_is_named_after_its_method_alone()
    {
        await Send(HttpMethod.Get, "/nowhere", HttpStatusCode.NotFound);

        var span = Assert.Single(_spans);
        Assert.Equal(("GET", ActivityStatusCode.Unset), (span.DisplayName, span.Status));
        Assert.Null(span.GetTagItem("http.route"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_handler_that_throws_marks_its_span_as_an_error_with_the_exception()
    {
        await Send(HttpMethod.Post, "/fail", HttpStatusCode.InternalServerError);

        var span = Assert.Single(_spans);
        Assert.Equal(("POST /fail", "/fail"), (span.DisplayName, span.GetTagItem("http.route"))); // it threw before Serve returned
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type"));
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        var thrown = Assert.Single(span.Events);
        Assert.Equal("exception", thrown.Name);
        Assert.Contains(thrown.Tags, t => t.Key == "exception.message" && (string?)t.Value == "the handler failed");
    }

    [Fact]
    public async Task An_async_handler_s_span_ends_when_it_completes_and_does_not_parent_the_next_request()
    {
        await Send(HttpMethod.Get, "/later/1", HttpStatusCode.OK, $"00-{TraceId}-{ParentSpanId}-01");
        await Send(HttpMethod.Get, "/fail-later", HttpStatusCode.InternalServerError);
        await Send(HttpMethod.Get, "/items/1", HttpStatusCode.OK);

        Assert.Equal(["GET /later/{id:int}", "GET /fail-later", "GET /items/{id:int}"], _spans.Select(s => s.DisplayName));
        Assert.Equal(TraceId, _spans[0].TraceId.ToHexString());
        Assert.Equal(200, _spans[0].GetTagItem("http.response.status_code"));
        Assert.Equal((ActivityStatusCode.Error, "System.TimeoutException"), (_spans[1].Status, _spans[1].GetTagItem("error.type")));
        Assert.All(_spans.Skip(1), s => Assert.Equal(default, s.ParentSpanId));
        Assert.NotEqual(_spans[1].TraceId, _spans[2].TraceId);
    }

    [Fact]
    public async Task The_handler_runs_inside_its_request_s_span()
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Get, "/current", $"00-{TraceId}-{ParentSpanId}-01"));

        Assert.Equal(TraceId, await response.Content.ReadAsStringAsync());
        Assert.Null(Activity.Current);
    }

    private async Task Send(HttpMethod method, string path, HttpStatusCode status, string? traceParent = null, string? traceState = null)
    {
        using var response = await _client.SendAsync(Request(method, path, traceParent, traceState));
        Assert.Equal(status, response.StatusCode);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? traceParent = null, string? traceState = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }

        if (traceState is not null)
        {
            request.Headers.TryAddWithoutValidation("tracestate", traceState);
        }

        return request;
    }

    private static Dictionary<string, object?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
}
