using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>
/// ASP.NET Core's own request metric and span carry the template of the HyperRoute route a request matched as
/// <c>http.route</c> (its routes are no ASP.NET Core endpoints), also when the handler threw before returning.
/// </summary>
public sealed class RouteTelemetryTests
{
    [Fact]
    public async Task The_request_duration_metric_carries_the_matched_route_s_template_and_none_without_a_match()
    {
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new HostedRoutes.HttpEndpoint(), o => o.OnHandlerError = _ => { }));
        using var durations = new MetricCollector<double>(
            app.Services.GetRequiredService<IMeterFactory>(), "Microsoft.AspNetCore.Hosting", "http.server.request.duration");
        using var client = app.GetTestClient();

        foreach (var (path, status) in new[] { ("/hosted/version", HttpStatusCode.OK), ("/hosted/fail", HttpStatusCode.InternalServerError), ("/nowhere", HttpStatusCode.NotFound) })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
        }

        await durations.WaitForMeasurementsAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(
            new (object?, object?)[] { (200, "/hosted/version"), (500, "/hosted/fail"), (404, null) },
            durations.GetMeasurementSnapshot().Select(m => (m.Tags["http.response.status_code"], m.Tags.GetValueOrDefault("http.route"))));
    }

    [Fact]
    public async Task The_request_span_carries_the_matched_route_s_template_when_the_handler_throws()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new HostedRoutes.HttpEndpoint(), o => o.OnHandlerError = _ => { }));
        using var client = app.GetTestClient();

        // The listener hears every app of the process: this request's span is told apart by the trace it continues.
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hosted/fail")
        {
            Headers = { { "traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } },
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await WaitUntil(() => { lock (spans) { return spans.Any(s => s.TraceId == trace); } });
        lock (spans)
        {
            Assert.Equal("/hosted/fail", Assert.Single(spans, s => s.TraceId == trace).GetTagItem("http.route"));
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }
}
