using System;
using System.Buffers;
using System.Text;
using HyperRoute.Routing;

namespace HyperRoute.Http.Server;

/// <summary>
/// The server's answers for a request no handler took — 404, 405 (with <c>Allow</c>) and the 400s of routing and
/// binding — as RFC 9457 <c>application/problem+json</c>, like every other error answered after the head parsed:
/// <c>{"type":"about:blank","title":"Bad Request","status":400,"field":"id","detail":"The route value id has the wrong format."}</c>.
/// The texts are UTF-8 literals; only the parameter's name is encoded per answer (into the stack).
/// </summary>
internal static class RoutingProblems
{
    private const int StackNameSize = 256;

    /// <summary>
    /// Writes the problem for <paramref name="match"/> (not answered by a handler) into <paramref name="response"/>,
    /// replacing whatever it held; <paramref name="parameter"/> is the handler parameter at fault, when known.
    /// </summary>
    public static void Write(HttpResponse response, RouteMatch match, string? parameter)
    {
        var status = match.StatusCode;
        var title = HttpStatus.Reason(status);
        if (string.IsNullOrEmpty(parameter) || match.Outcome != RouteOutcome.BadRequest || !NamedDetail(match.Problem, out var before, out var after))
        {
            ProblemJson.Write(response, status, title, default, Detail(match));
            return;
        }

        byte[]? rented = null;
        var max = Encoding.UTF8.GetMaxByteCount(parameter.Length);
        Span<byte> name = max <= StackNameSize ? stackalloc byte[StackNameSize] : (rented = ArrayPool<byte>.Shared.Rent(max));
        name = name.Slice(0, Encoding.UTF8.GetBytes(parameter, name));
        ProblemJson.Write(response, status, title, name, before, name, after);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // What went wrong when no parameter is named (a hand-written endpoint, or a problem about the whole request).
    private static ReadOnlySpan<byte> Detail(RouteMatch match) => match.Outcome switch
    {
        RouteOutcome.NotFound => "No route matches the path."u8,
        RouteOutcome.MethodNotAllowed => "The path does not accept this method; the Allow header lists the methods it does."u8,
        _ => match.Problem switch
        {
            RouteProblem.PathNotAbsolute => "The path must start with '/'."u8,
            RouteProblem.MalformedPath => "The path holds a malformed percent-escape, an escaped NUL, or bytes that are not UTF-8 once decoded."u8,
            RouteProblem.InvalidRouteValue => "A route value has the wrong format."u8,
            RouteProblem.MissingQueryValue => "A required query parameter is missing."u8,
            RouteProblem.InvalidQueryValue => "A query value has the wrong format."u8,
            RouteProblem.MissingHeader => "A required header is missing."u8,
            RouteProblem.InvalidHeaderValue => "A header value has the wrong format."u8,
            _ => "The request cannot be routed."u8,
        },
    };

    // The sentence around a parameter's name. Only the conversion to the parameter's type can fail here: a value
    // that fails a route constraint makes the route not match (404), so "the wrong format" is all that is known.
    private static bool NamedDetail(RouteProblem problem, out ReadOnlySpan<byte> before, out ReadOnlySpan<byte> after)
    {
        switch (problem)
        {
            case RouteProblem.InvalidRouteValue:
                before = "The route value "u8;
                after = " has the wrong format."u8;
                return true;
            case RouteProblem.MissingQueryValue:
                before = "The query parameter "u8;
                after = " is required."u8;
                return true;
            case RouteProblem.InvalidQueryValue:
                before = "The query value "u8;
                after = " has the wrong format (or a malformed percent-escape)."u8;
                return true;
            case RouteProblem.MissingHeader:
                before = "The header bound to "u8;
                after = " is required."u8;
                return true;
            case RouteProblem.InvalidHeaderValue:
                before = "The header bound to "u8;
                after = " has the wrong format."u8;
                return true;
            default:
                before = after = default;
                return false;
        }
    }
}
