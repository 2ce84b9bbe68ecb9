using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HyperRoute;

/// <summary>
/// The result of a generated <c>Dispatch</c>: handled (with the index of the route that served the request),
/// not found (404), method not allowed (405, with the allowed methods) or bad request (400, with the reason
/// and the parameter at fault). A small value type: returning it allocates nothing.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct RouteMatch
{
    // Packed into 16 bytes (one reference and one 64-bit word) so that it is returned in two registers
    // through the generated layers instead of being copied through memory.
    private readonly string? _parameter;
    private readonly int _route;
    private readonly ushort _allow;
    private readonly RouteOutcome _outcome;
    private readonly RouteProblem _problem;

    private RouteMatch(RouteOutcome outcome, int route, HttpMethods allow, RouteProblem problem, string? parameter)
    {
        _outcome = outcome;
        _route = route;
        _allow = (ushort)allow;
        _problem = problem;
        _parameter = parameter;
    }

    /// <summary>What happened.</summary>
    public RouteOutcome Outcome => _outcome;

    /// <summary>
    /// The index of the route in the router's <c>RoutePatterns</c> table that handled the request or whose
    /// argument could not be bound; -1 when no route matched.
    /// </summary>
    public int Route => _route;

    /// <summary>For <see cref="RouteOutcome.MethodNotAllowed"/>: the methods the path accepts (the <c>Allow</c> header).</summary>
    public HttpMethods Allow => (HttpMethods)_allow;

    /// <summary>For <see cref="RouteOutcome.BadRequest"/>: why.</summary>
    public RouteProblem Problem => _problem;

    /// <summary>For a binding failure: the name of the handler parameter at fault (a literal from the generated code).</summary>
    public string? Parameter => _parameter;

    /// <summary><see langword="true"/> when a handler ran.</summary>
    public bool IsHandled => Outcome == RouteOutcome.Handled;

    /// <summary>The HTTP status this outcome maps to for a failure (400, 404, 405); 0 when handled, since the handler decides.</summary>
    public int StatusCode => Outcome switch
    {
        RouteOutcome.NotFound => 404,
        RouteOutcome.MethodNotAllowed => 405,
        RouteOutcome.BadRequest => 400,
        _ => 0,
    };

    /// <summary>A handler ran for route <paramref name="route"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RouteMatch Handled(int route) => new(RouteOutcome.Handled, route, HttpMethods.None, RouteProblem.None, null);

    /// <summary>No route matches the path.</summary>
    public static RouteMatch NotFound => new(RouteOutcome.NotFound, -1, HttpMethods.None, RouteProblem.None, null);

    /// <summary>The path matches routes of other methods only.</summary>
    public static RouteMatch MethodNotAllowed(HttpMethods allow) => new(RouteOutcome.MethodNotAllowed, -1, allow, RouteProblem.None, null);

    /// <summary>The request is malformed before any route could be tried.</summary>
    public static RouteMatch BadRequest(RouteProblem problem) => new(RouteOutcome.BadRequest, -1, HttpMethods.None, problem, null);

    /// <summary>Route <paramref name="route"/> matched but its parameter <paramref name="parameter"/> could not be bound.</summary>
    public static RouteMatch BadRequest(int route, RouteProblem problem, string parameter) => new(RouteOutcome.BadRequest, route, HttpMethods.None, problem, parameter);

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        RouteOutcome.Handled => $"Handled (route {Route})",
        RouteOutcome.MethodNotAllowed => $"MethodNotAllowed (Allow: {Routing.HttpMethod.FormatAllow(Allow)})",
        RouteOutcome.BadRequest when Parameter is not null => $"BadRequest ({Problem}: {Parameter})",
        RouteOutcome.BadRequest => $"BadRequest ({Problem})",
        _ => Outcome.ToString(),
    };
}
