namespace HyperRoute.Http;

/// <summary>
/// A router served over HTTP. The generator implements it for every <c>[Router]</c> as a nested
/// <c>HttpEndpoint</c> struct: the header table (<see cref="IHttpHeaderSlots"/>), <see cref="Serve"/>, which
/// routes the request and calls the handler with its arguments bound from the path, the query, the headers
/// and the body, and <see cref="ParameterName"/>. The server is generic over it, so each call is direct.
/// </summary>
public interface IHttpEndpoint : IHttpHeaderSlots
{
    /// <summary>
    /// Routes <paramref name="exchange"/>'s request and runs its handler, which writes
    /// <see cref="HttpExchange.Response"/>. When no handler ran the result says why (404, 405, 400) and the
    /// server answers for it.
    /// </summary>
    RouteMatch Serve(HttpExchange exchange);

    /// <summary>
    /// The name of the handler parameter a 400 from <see cref="Serve"/> is about (<see cref="RouteMatch.ParameterIndex"/>),
    /// which the server's problem response names as its <c>field</c>; <see langword="null"/> when the result is about no
    /// parameter. The generated endpoint forwards to its router's <c>ParameterName</c>; a hand-written endpoint may leave
    /// the default, and its 400s name no field.
    /// </summary>
    static virtual string? ParameterName(RouteMatch match) => null;

    /// <summary>
    /// The route at <paramref name="route"/> (<see cref="RouteMatch.Route"/>) in the router's generated route table, whose
    /// template is the <c>http.route</c> of its requests' metrics and spans; <see langword="null"/> when out of range. The
    /// generated endpoint returns its router's <c>Routes</c> entry; a hand-written endpoint may leave the default, and its
    /// requests carry no route in their telemetry.
    /// </summary>
    static virtual Diagnostics.RouteInfo? RouteAt(int route) => null;

    /// <summary>
    /// Whether the request in <paramref name="request"/> (its head only: method, target, bound headers) has its body
    /// streamed to the handler instead of buffered first. Asked only when a body is declared and has not all arrived
    /// with the head; <see langword="true"/> makes the server call <see cref="Serve"/> at once, with
    /// <see cref="HttpRequest.IsBodyStreamed"/> set, and receive the body as the handler reads it
    /// (<see cref="HttpRequest.ReadBodyAsync"/>), so a large body never sits whole in memory. The handler must then
    /// read the body through that API (its <see cref="HttpRequest.Body"/> is empty); a handler that leaves part of it
    /// unread gets its connection closed after the response. Default: no request streams (bodies are buffered, up to
    /// <see cref="HttpLimits.MaxRequestBodySize"/>).
    /// </summary>
    static virtual bool StreamsRequestBody(HttpRequest request) => false;
}
