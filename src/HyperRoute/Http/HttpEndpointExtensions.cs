using System;
using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>Serving a request in-process through a router's endpoint, asynchronous handlers included.</summary>
public static class HttpEndpointExtensions
{
    /// <summary>
    /// Routes the request loaded into <paramref name="exchange"/> and runs its handler to completion, awaiting it
    /// when it is asynchronous. Returns as <see cref="IHttpEndpoint.Serve"/> does, never
    /// <see cref="RouteOutcome.Pending"/>; an exception the handler throws (before or after an <c>await</c>)
    /// comes out of the returned task. Completes synchronously, with no allocation, when the handler did.
    /// </summary>
    public static ValueTask<RouteMatch> ServeAsync<TEndpoint>(this TEndpoint endpoint, HttpExchange exchange)
        where TEndpoint : struct, IHttpEndpoint
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var match = endpoint.Serve(exchange);
        if (!match.IsPending)
        {
            return new ValueTask<RouteMatch>(match);
        }

        var work = exchange.TakePending(out _);
        if (work.IsCompletedSuccessfully)
        {
            work.GetAwaiter().GetResult();
            return new ValueTask<RouteMatch>(RouteMatch.Handled(match.Route));
        }

        return Awaited(work, match.Route); // a fault, even one already there, comes out of the returned task

        static async ValueTask<RouteMatch> Awaited(ValueTask work, int route)
        {
            await work.ConfigureAwait(false);
            return RouteMatch.Handled(route);
        }
    }
}
