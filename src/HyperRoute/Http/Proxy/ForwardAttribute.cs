using System;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// Makes a route a proxied route: the handler is a bodiless partial method and the generator writes its body, which
/// forwards the request to the <see cref="BackendGroup"/> named by <see cref="Group"/>. Validators and transforms of
/// the route apply as for any route: validators before anything is forwarded, response transforms to the backend's
/// response.
/// </summary>
/// <example>
/// <code>
/// [Route("GET /api/{*rest}")]
/// [Forward(nameof(Backends), Path = "/{rest}")]
/// public static partial ValueTask Api(HttpExchange exchange);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ForwardAttribute : Attribute
{
    /// <summary>Forwards to the <see cref="BackendGroup"/> field or property <paramref name="group"/> of the router.</summary>
    public ForwardAttribute(string group) => Group = group;

    /// <summary>The field or property of the router that holds the <see cref="BackendGroup"/>.</summary>
    public string Group { get; }

    /// <summary>
    /// The path the backend receives, built from literal text and the route's values by name: <c>"/{rest}"</c>,
    /// <c>"/v2/users/{id}"</c>. Route values are passed on as the client sent them (still percent-encoded); the query
    /// string is kept. Unset: the request's own path.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// The route value whose bytes are the request's hash key, for a consistent-hash group (<c>"tenant"</c>). Unset:
    /// the group's own <see cref="BackendGroup.Key"/>.
    /// </summary>
    public string? Key { get; set; }
}
