using System;
using HyperRoute.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperRoute.Http;

/// <summary>The server's metrics and logs (docs/observability.md); its connections report requests and spans themselves.</summary>
public sealed partial class HttpServer<TEndpoint>
{
    /// <summary>The server's instruments: enabled only while a listener wants them.</summary>
    internal HttpServerMetrics Metrics { get; }

    /// <summary>The server's logger: <see cref="NullLogger.Instance"/> without <see cref="HttpServerOptions.LoggerFactory"/>.</summary>
    internal ILogger Log { get; }

    private (HttpServerMetrics Metrics, ILogger Log) CreateTelemetry()
        => (new HttpServerMetrics(Options.MeterFactory, EndPoint.Address.ToString(), EndPoint.Port),
            Options.LoggerFactory?.CreateLogger(TelemetryNames.HttpServerLogCategory) ?? NullLogger.Instance);

    private void LogStarted() => HttpServerLog.ServerStarted(Log, EndPoint.Address.ToString(), EndPoint.Port, Transport, ListenerCount);

    private void LogStopping(TimeSpan deadline) => HttpServerLog.ServerStopping(Log, deadline);

    private void LogStopped() => HttpServerLog.ServerStopped(Log, RequestsServed + RequestsRejected, ConnectionsAccepted);

    private void LogHandlerFault(Exception exception, int route)
    {
        if (Log.IsEnabled(LogLevel.Error))
        {
            HttpServerLog.HandlerFault(Log, TEndpoint.RouteAt(route)?.Pattern ?? "an unknown route", exception);
        }
    }

    private void LogConnectionFault(Exception exception) => HttpServerLog.ConnectionFault(Log, exception);

    private void LogCallbackFault(string callback, Exception exception) => HttpServerLog.ErrorCallbackFault(Log, callback, exception);
}
