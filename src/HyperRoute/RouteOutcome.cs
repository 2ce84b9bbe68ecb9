namespace HyperRoute;

/// <summary>What a generated <c>Dispatch</c> did with a request.</summary>
public enum RouteOutcome : byte
{
    /// <summary>A route matched and its handler ran.</summary>
    Handled = 0,
    /// <summary>No route matches the path (404).</summary>
    NotFound = 1,
    /// <summary>Routes match the path, but none for this method (405); <see cref="RouteMatch.Allow"/> lists the methods that do.</summary>
    MethodNotAllowed = 2,
    /// <summary>The request is malformed, or a route matched and an argument could not be bound (400); <see cref="RouteMatch.Problem"/> says why.</summary>
    BadRequest = 3,
    /// <summary>
    /// A route matched and a validator (or the body binding) refused the request before the handler ran; the
    /// response (a problem, <c>application/problem+json</c>) is already written.
    /// </summary>
    Rejected = 4,
    /// <summary>
    /// A route matched and its handler is asynchronous and has not completed yet: the work is held by the
    /// exchange (<see cref="Http.HttpExchange.Suspend(int, System.Threading.Tasks.ValueTask)"/>), and the server answers when it completes.
    /// </summary>
    Pending = 5,
}
