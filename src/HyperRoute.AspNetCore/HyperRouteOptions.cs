using System;
using HyperRoute.Http;

namespace HyperRoute.AspNetCore;

/// <summary>How a HyperRoute router behaves inside an ASP.NET Core pipeline (<see cref="HyperRouteApplicationBuilderExtensions"/>).</summary>
public sealed class HyperRouteOptions
{
    /// <summary>
    /// When no route matches the path (404) or the path takes other methods only (405), hand the request to the next
    /// middleware (and so to ASP.NET Core's endpoints) instead of answering it. Off by default: the router answers
    /// 404 and 405 as the built-in server does, as <c>application/problem+json</c>. A 400 from binding, a validator's
    /// refusal and every handler's answer are never passed on. A request body is then buffered
    /// (<c>EnableBuffering</c>) so that the next middleware can read it again.
    /// </summary>
    public bool PassUnmatched { get; set; }

    /// <summary>
    /// The limits the request is checked against as on the built-in server (request line, headers of the routes,
    /// body size: 414, 431, 413). Kestrel's own limits apply first.
    /// </summary>
    public HttpLimits Limits { get; set; } = HttpLimits.Default;

    /// <summary>
    /// How long an asynchronous handler may take before its <c>CancellationToken</c> is cancelled and the request is
    /// answered 504; a route's <see cref="HandlerTimeoutAttribute"/> overrides it.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. Default 30 s, as on the built-in server.
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Called when a handler throws (the client gets a 500 problem), after the exception was logged. Default: nothing.
    /// </summary>
    public Action<Exception>? OnHandlerError { get; set; }

    internal int HandlerTimeoutMilliseconds()
    {
        if (HandlerTimeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return System.Threading.Timeout.Infinite;
        }

        if (HandlerTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HandlerTimeout), HandlerTimeout, "HandlerTimeout must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        }

        return (int)Math.Min(int.MaxValue, (long)HandlerTimeout.TotalMilliseconds);
    }
}
