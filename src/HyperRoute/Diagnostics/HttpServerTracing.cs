using System;
using System.Diagnostics;
using System.Text;
using HyperRoute.Http;

namespace HyperRoute.Diagnostics;

/// <summary>
/// The built-in server's spans (source <see cref="TelemetryNames.HttpActivitySource"/>): one <see cref="ActivityKind.Server"/>
/// activity per request, child of the request's <c>traceparent</c> when it has a valid one, named <c>{method} {route}</c>
/// once the route is known (the route table's <see cref="RouteInfo.Pattern"/>, not a string built per request) and
/// <c>{method}</c> when no route matched, with the attributes of the HTTP server semantic conventions. The server calls
/// <see cref="Start"/> only when <see cref="ActivitySource.HasListeners"/> is true.
/// </summary>
internal static class HttpServerTracing
{
    public static readonly ActivitySource Source = new(TelemetryNames.HttpActivitySource, "1.0.0");

    /// <summary>Starts the request's span (or returns null when the sampler declines it).</summary>
    /// <param name="head">The raw request head, where <c>traceparent</c>, <c>tracestate</c> and <c>user-agent</c> are read.</param>
    /// <param name="request">The parsed request.</param>
    /// <param name="method">Its <c>http.request.method</c>.</param>
    public static Activity? Start(ReadOnlySpan<byte> head, HttpRequest request, string method)
    {
        var parent = default(ActivityContext);
        if (HeaderScan.TryFind(head, "traceparent"u8, out var traceParent)
            && TraceContext.TryParseTraceParent(traceParent, out var traceId, out var spanId, out var flags))
        {
            var state = HeaderScan.TryFind(head, "tracestate"u8, out var traceState) && !traceState.IsEmpty
                ? Encoding.ASCII.GetString(traceState)
                : null;
            parent = new ActivityContext(traceId, spanId, flags, state, isRemote: true);
        }

        var name = method == SemanticValues.OtherMethod ? "HTTP" : method;
        var activity = Source.StartActivity(ActivityKind.Server, parent, name: name);
        if (activity is null)
        {
            return null;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("http.request.method", method);
            if (method == SemanticValues.OtherMethod)
            {
                activity.SetTag("http.request.method_original", Encoding.ASCII.GetString(request.Method));
            }

            activity.SetTag("url.scheme", "http");
            activity.SetTag("url.path", Encoding.UTF8.GetString(request.Path));
            if (!request.Query.IsEmpty)
            {
                activity.SetTag("url.query", Encoding.UTF8.GetString(request.Query));
            }

            activity.SetTag("network.protocol.version", SemanticValues.ProtocolVersion(request.Version));
            if (!request.Host.IsEmpty)
            {
                SetServerAddress(activity, request.Host);
            }

            if (HeaderScan.TryFind(head, "user-agent"u8, out var userAgent))
            {
                activity.SetTag("user_agent.original", Encoding.ASCII.GetString(userAgent));
            }
        }

        return activity;
    }

    /// <summary>Names the span after its route and records how the request ended, then stops it.</summary>
    public static void Stop(Activity activity, string method, RouteInfo? route, int status, string? errorType, Exception? exception)
    {
        if (route is not null)
        {
            activity.DisplayName = method == route.Method ? route.Pattern : (method == SemanticValues.OtherMethod ? "HTTP" : method) + " " + route.Template;
        }

        if (activity.IsAllDataRequested)
        {
            if (route is not null)
            {
                activity.SetTag("http.route", route.Template);
            }

            if (status != 0)
            {
                activity.SetTag("http.response.status_code", SemanticValues.StatusCode(status));
            }

            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
            }

            if (exception is not null)
            {
                activity.AddException(exception);
            }
        }

        if (errorType is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error); // 5xx and failures; a 4xx leaves a server span's status unset
        }

        activity.Stop();
    }

    // Host: name[:port] (a bracketed IPv6 literal keeps its brackets off).
    private static void SetServerAddress(Activity activity, ReadOnlySpan<byte> host)
    {
        var colon = host.LastIndexOf((byte)':');
        var bracket = host.LastIndexOf((byte)']');
        var name = colon > bracket ? host.Slice(0, colon) : host;
        if (name.Length >= 2 && name[0] == '[' && name[^1] == ']')
        {
            name = name.Slice(1, name.Length - 2);
        }

        activity.SetTag("server.address", Encoding.ASCII.GetString(name));
        if (colon > bracket && int.TryParse(host.Slice(colon + 1), out var port))
        {
            activity.SetTag("server.port", port);
        }
    }
}
