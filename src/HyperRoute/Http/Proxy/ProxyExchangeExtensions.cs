using System;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>Forwarding a request to a backend from a handler: <c>await exchange.ForwardAsync(Backends)</c>.</summary>
public static class ProxyExchangeExtensions
{
    /// <summary>
    /// Forwards the request to a member of <paramref name="group"/> and writes the backend's response (or the
    /// failure's answer: 502, 503 or 504 <c>application/problem+json</c>) to <c>exchange.Response</c>. The returned task
    /// completes when the response is in place; return it from an asynchronous handler (the connection parks on
    /// its worker meanwhile). A response transform of the route runs after it, as for any handler.
    /// </summary>
    /// <param name="exchange">The exchange being served.</param>
    /// <param name="group">The backends and how to forward.</param>
    public static ValueTask ForwardAsync(this HttpExchange exchange, BackendGroup group)
        => ForwardAsync(exchange, group, default, default);

    /// <summary>
    /// As <see cref="ForwardAsync(HttpExchange, BackendGroup)"/>, sending <paramref name="path"/> as the backend's path
    /// (a rewrite; the query string is kept) and hashing on <paramref name="key"/> (a route value, say) instead of the
    /// group's <see cref="BackendGroup.Key"/>. Either may be empty: the request's own path, the group's key.
    /// </summary>
    public static ValueTask ForwardAsync(this HttpExchange exchange, BackendGroup group, ReadOnlySpan<byte> path, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(group);
        if (!path.IsEmpty && path[0] != '/')
        {
            throw new ArgumentException("A rewritten path starts with '/'.", nameof(path));
        }

        return ForwardOperation.Start(exchange, group, path, key);
    }
}
