using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Collections.Generic;
using System.Text;
using HyperRoute.Http;

namespace HyperRoute.Diagnostics;

/// <summary>
/// The instruments of one built-in server (meter <see cref="TelemetryNames.HttpMeter"/>), from the server's
/// <see cref="HttpServerOptions.MeterFactory"/> or, without one, a meter shared by the servers of the process. Every
/// recording method is called only after its instrument's <c>Enabled</c> said a listener wants it: with none, the server
/// reads a flag per request and does nothing else.
/// </summary>
internal sealed class HttpServerMetrics
{
    private static readonly Meter s_sharedMeter = new(TelemetryNames.HttpMeter, Version);
    private static readonly string?[] s_errorNames = new string?[byte.MaxValue + 1];

    // The bucket boundaries ASP.NET Core advises for http.server.request.duration: fine below 100 ms, where most requests are.
    private static readonly double[] s_durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    private static readonly double[] s_connectionBuckets = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

    private readonly KeyValuePair<string, object?> _serverAddress;
    private readonly KeyValuePair<string, object?> _serverPort;

    public HttpServerMetrics(IMeterFactory? factory, string serverAddress, int serverPort)
    {
        var meter = factory?.Create(new MeterOptions(TelemetryNames.HttpMeter) { Version = Version }) ?? s_sharedMeter;
        RequestDuration = meter.CreateHistogram(
            TelemetryNames.RequestDuration,
            unit: "s",
            description: "Duration of HTTP server requests.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });
        ActiveRequests = meter.CreateUpDownCounter<long>(TelemetryNames.ActiveRequests, unit: "{request}", description: "Number of active HTTP server requests.");
        ActiveConnections = meter.CreateUpDownCounter<long>(TelemetryNames.ActiveConnections, unit: "{connection}", description: "Number of connections that are currently open on the server.");
        ConnectionDuration = meter.CreateHistogram(
            TelemetryNames.ConnectionDuration,
            unit: "s",
            description: "The duration of connections on the server.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_connectionBuckets });
        RejectedRequests = meter.CreateCounter<long>(TelemetryNames.RejectedRequests, unit: "{request}", description: "Requests the server refused before routing: malformed, over a limit, or timed out.");
        _serverAddress = new("server.address", serverAddress);
        _serverPort = new("server.port", serverPort);
    }

    private const string Version = "1.0.0";

    public Histogram<double> RequestDuration { get; }

    public UpDownCounter<long> ActiveRequests { get; }

    public UpDownCounter<long> ActiveConnections { get; }

    public Histogram<double> ConnectionDuration { get; }

    public Counter<long> RejectedRequests { get; }

    /// <summary>A listener wants some per-request measurement: the request's start must be taken.</summary>
    public bool RequestsEnabled => RequestDuration.Enabled || ActiveRequests.Enabled;

    /// <summary>One request more (or, with <paramref name="delta"/> -1, less) is being served.</summary>
    public void AddActiveRequest(int delta, string method)
    {
        var tags = new TagList
        {
            { "http.request.method", method },
            { "url.scheme", "http" },
        };
        ActiveRequests.Add(delta, in tags);
    }

    /// <summary>A request was answered (or abandoned) <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) ago.</summary>
    public void RecordRequest(long started, string method, HttpVersion version, int status, string? route, string? errorType)
    {
        var tags = new TagList
        {
            { "http.request.method", method },
            { "url.scheme", "http" },
            { "network.protocol.version", SemanticValues.ProtocolVersion(version) },
        };
        if (status != 0)
        {
            tags.Add("http.response.status_code", SemanticValues.StatusCode(status));
        }

        if (route is not null)
        {
            tags.Add("http.route", route);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, in tags);
    }

    /// <summary>A connection opened (+1) or closed (-1).</summary>
    public void AddActiveConnection(int delta)
    {
        if (ActiveConnections.Enabled)
        {
            var tags = new TagList { { "network.transport", "tcp" }, _serverAddress, _serverPort };
            ActiveConnections.Add(delta, in tags);
        }
    }

    /// <summary>A connection opened at <paramref name="opened"/> (a <see cref="Stopwatch"/> timestamp) closed, after a protocol error when <paramref name="error"/> says so.</summary>
    public void RecordConnection(long opened, HttpError error)
    {
        var tags = new TagList
        {
            { "network.transport", "tcp" },
            { "network.protocol.name", "http" },
            _serverAddress,
            _serverPort,
        };
        if (error != HttpError.None)
        {
            tags.Add("error.type", ErrorName(error));
        }

        ConnectionDuration.Record(Stopwatch.GetElapsedTime(opened).TotalSeconds, in tags);
    }

    /// <summary>The parser or a limit refused a request.</summary>
    public void RecordRejection(HttpError error)
    {
        var tags = new TagList { { "error.type", ErrorName(error) }, { "http.response.status_code", SemanticValues.StatusCode(error.StatusCode()) } };
        RejectedRequests.Add(1, in tags);
    }

    /// <summary>The <c>error.type</c> of a protocol error, in the conventions' snake case: <c>invalid_request_line</c>.</summary>
    public static string ErrorName(HttpError error) => s_errorNames[(byte)error] ??= SnakeCase(error.ToString());

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
