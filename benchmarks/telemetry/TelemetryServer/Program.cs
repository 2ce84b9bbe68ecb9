using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using HyperRoute.Diagnostics;
using HyperRoute.Http;
using HyperRoute.Samples.Api;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Usage: TelemetryServer --port 8090 [--workers N] [--telemetry none|metrics|traces|all]
//   none:    nothing listens (the server's instruments stay disabled, no span is started)
//   metrics: the OpenTelemetry SDK collects HyperRoute.Http's instruments, exported every second
//   traces:  the SDK samples every request's span and exports it in batches
//   all:     both
var port = 8090;
var workers = Environment.ProcessorCount;
var telemetry = "none";
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[i + 1]); break;
        case "--workers": workers = int.Parse(args[i + 1]); break;
        case "--telemetry": telemetry = args[i + 1]; break;
        default: Console.Error.WriteLine($"Unknown argument '{args[i]}'."); return 2;
    }
}

if (telemetry is not ("none" or "metrics" or "traces" or "all"))
{
    Console.Error.WriteLine($"--telemetry must be none, metrics, traces or all, not '{telemetry}'.");
    return 2;
}

var metricsExported = new CountingExporter<Metric>();
var spansExported = new CountingExporter<Activity>();
using var meters = telemetry is "metrics" or "all"
    ? Sdk.CreateMeterProviderBuilder()
        .AddMeter(TelemetryNames.HttpMeter)
        .AddReader(new PeriodicExportingMetricReader(metricsExported, exportIntervalMilliseconds: 1000))
        .Build()
    : null;
using var traces = telemetry is "traces" or "all"
    ? Sdk.CreateTracerProviderBuilder()
        .AddSource(TelemetryNames.HttpActivitySource)
        .SetSampler(new AlwaysOnSampler())
        .AddProcessor(new BatchActivityExportProcessor(spansExported))
        .Build()
    : null;

var server = HttpServer.Start(new ShopApi.HttpEndpoint(), new HttpServerOptions { Port = port, Workers = workers });
Console.WriteLine($"HyperRoute telemetry benchmark listening on http://{server.EndPoint} ({server.Transport}, {workers} workers, telemetry: {telemetry})");

using var stop = new ManualResetEventSlim();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Set(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
stop.Wait();
await server.StopAsync(TimeSpan.FromSeconds(5));
meters?.ForceFlush();
traces?.ForceFlush();
Console.WriteLine($"Stopped after {server.RequestsServed} requests; exported {metricsExported.Count} metric points, {spansExported.Count} spans.");
return 0;

/// <summary>Exports by counting: the SDK's collection and batching run in full, nothing leaves the process.</summary>
internal sealed class CountingExporter<T> : BaseExporter<T>
    where T : class
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override ExportResult Export(in Batch<T> batch)
    {
        foreach (var _ in batch)
        {
            Interlocked.Increment(ref _count);
        }

        return ExportResult.Success;
    }
}
