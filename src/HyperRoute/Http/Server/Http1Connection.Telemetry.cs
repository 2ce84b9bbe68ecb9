using System;
using System.Diagnostics;
using System.Threading;
using HyperRoute.Diagnostics;

namespace HyperRoute.Http.Server;

/// <summary>
/// A request's metrics and span, and the connection's duration (docs/observability.md). Each request starts with one
/// check — does a listener want <c>http.server.*</c> measurements, or spans? — and when none does, nothing else runs:
/// no timestamp, no tags, no allocation. A request that parks keeps its measurement in these fields until it is
/// answered, expired or abandoned, whichever comes first, and is recorded exactly once.
/// </summary>
internal sealed partial class Http1Connection<TEndpoint>
{
    private bool _measured;            // this request is measured (metrics, a span, or both)
    private bool _countedActive;       // http.server.active_requests was incremented for it
    private long _requestStarted;      // Stopwatch timestamp of the request's start
    private string? _requestMethod;    // its http.request.method
    private Activity? _activity;       // its span, when a listener sampled it
    private Activity? _outerActivity;  // Activity.Current on this thread before the span started
    private Exception? _requestFault;  // the handler's exception
    private long _connectionOpened;    // Stopwatch timestamp of the connection's start; 0: not measured
    private HttpError _connectionError; // the protocol error that ended the connection
    private int _connectionRecorded;   // 1 once the connection's duration was recorded

    // When the connection starts: its duration is measured if a listener wants it now.
    private void BeginConnectionTelemetry()
    {
        if (_server.Metrics.ConnectionDuration.Enabled)
        {
            _connectionOpened = Stopwatch.GetTimestamp();
        }
    }

    // The request is parsed and about to be served.
    private void BeginRequestTelemetry()
    {
        _exchange.Route = -1; // the route that matches notes itself there, before any user code runs
        if (!_server.Metrics.RequestsEnabled && !HttpServerTracing.Source.HasListeners())
        {
            return;
        }

        BeginMeasuredRequest();
    }

    private void BeginMeasuredRequest()
    {
        var request = _exchange.Request;
        var metrics = _server.Metrics;
        _measured = true;
        _requestFault = null;
        _requestStarted = Stopwatch.GetTimestamp();
        _requestMethod = SemanticValues.Method(request.Method);
        _countedActive = metrics.ActiveRequests.Enabled;
        if (_countedActive)
        {
            metrics.AddActiveRequest(1, _requestMethod);
        }

        _outerActivity = Activity.Current;
        _activity = HttpServerTracing.Source.HasListeners()
            ? HttpServerTracing.Start(_buffer.AsSpan(_start, _head.Length), request, _requestMethod)
            : null;
    }

    // The handler went asynchronous: its continuation keeps the span as its current activity, this worker goes back
    // to the activity it had, so the next connection it serves is not parented to this request.
    private void DetachRequestActivity()
    {
        if (_activity is not null)
        {
            Activity.Current = _outerActivity;
        }
    }

    // The request was answered (status: the response's) or abandoned (status 0, errorType says why).
    private void EndRequestTelemetry(int status, string? errorType = null)
    {
        if (!_measured)
        {
            return;
        }

        _measured = false;
        var metrics = _server.Metrics;
        var route = TEndpoint.RouteAt(_exchange.Route);
        var method = _requestMethod!;
        errorType ??= _requestFault?.GetType().FullName ?? SemanticValues.ErrorType(status);
        if (_countedActive)
        {
            _countedActive = false;
            metrics.AddActiveRequest(-1, method);
        }

        if (metrics.RequestDuration.Enabled)
        {
            metrics.RecordRequest(_requestStarted, method, _head.Version, status, route?.Template, errorType);
        }

        if (_activity is { } activity)
        {
            _activity = null;
            HttpServerTracing.Stop(activity, method, route, status, errorType, _requestFault);
            Activity.Current = _outerActivity;
        }

        _outerActivity = null;
        _requestFault = null;
    }

    // The parser or a limit refused a request: counted and logged by category; the connection closes for this error.
    private void RejectionTelemetry(HttpError error)
    {
        _connectionError = error;
        var metrics = _server.Metrics;
        if (metrics.RejectedRequests.Enabled)
        {
            metrics.RecordRejection(error);
        }

        HttpServerLog.Rejected(_server.Log, error);
    }

    // The connection is closing (once, whichever thread gets here first).
    private void EndConnectionTelemetry()
    {
        if (_connectionOpened != 0 && Interlocked.Exchange(ref _connectionRecorded, 1) == 0 && _server.Metrics.ConnectionDuration.Enabled)
        {
            _server.Metrics.RecordConnection(_connectionOpened, _connectionError);
        }
    }

    // A pending request is answered without its handler: 504 past its time limit, 503 at shutdown.
    private void ExpiryTelemetry(int status)
    {
        EndRequestTelemetry(status);
        if (_server.Log.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Warning))
        {
            HttpServerLog.HandlerExpired(
                _server.Log,
                TEndpoint.RouteAt(_workRoute)?.Pattern ?? "an unknown route",
                status,
                status == 504 ? "its time limit expired" : "the server shut down");
        }
    }
}
