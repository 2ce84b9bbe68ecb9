namespace HyperRoute.Diagnostics;

/// <summary>
/// The names HyperRoute's telemetry is published under, for <c>AddMeter</c>/<c>AddSource</c> and dashboards
/// (docs/observability.md). Instruments follow the OpenTelemetry semantic conventions where one exists
/// (<c>http.server.*</c>, <c>messaging.*</c>) and use the <c>hyperroute.*</c> namespace, as Kestrel uses <c>kestrel.*</c>,
/// where none does.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The meter of the built-in HTTP server: requests and connections.</summary>
    public const string HttpMeter = "HyperRoute.Http";

    /// <summary>The activity source of the built-in HTTP server: one <c>SERVER</c> span per request.</summary>
    public const string HttpActivitySource = "HyperRoute.Http";

    /// <summary>The meter of the message sources and routers.</summary>
    public const string MessagingMeter = "HyperRoute.Messaging";

    /// <summary>The logger category of the built-in HTTP server.</summary>
    public const string HttpServerLogCategory = "HyperRoute.Http.HttpServer";

    /// <summary><c>http.server.request.duration</c>: histogram, seconds, one measurement per request answered.</summary>
    public const string RequestDuration = "http.server.request.duration";

    /// <summary><c>http.server.active_requests</c>: up-down counter of requests being served.</summary>
    public const string ActiveRequests = "http.server.active_requests";

    /// <summary><c>hyperroute.server.active_connections</c>: up-down counter of open connections (Kestrel: <c>kestrel.active_connections</c>).</summary>
    public const string ActiveConnections = "hyperroute.server.active_connections";

    /// <summary><c>hyperroute.server.connection.duration</c>: histogram, seconds, one measurement per closed connection (Kestrel: <c>kestrel.connection.duration</c>).</summary>
    public const string ConnectionDuration = "hyperroute.server.connection.duration";

    /// <summary><c>hyperroute.server.rejected_requests</c>: counter of requests the parser or a limit refused before any route ran, tagged with <c>error.type</c>.</summary>
    public const string RejectedRequests = "hyperroute.server.rejected_requests";

    /// <summary><c>messaging.client.consumed.messages</c>: counter of messages a router decided on, tagged with <c>hyperroute.message.outcome</c>.</summary>
    public const string ConsumedMessages = "messaging.client.consumed.messages";

    /// <summary>The messaging histogram: seconds from a source handing a frame to its handler until the outcome was decided.</summary>
    public const string ProcessDuration = "messaging.process.duration";
}
