using System;

namespace HyperRoute;

/// <summary>
/// Declares the route a handler method serves: an HTTP method, one space and a template, for example
/// <c>"GET /users/{id:int}"</c>. A method may carry several routes.
/// </summary>
/// <remarks>
/// The template grammar is described in <c>docs/routing.md</c>: literal segments (ASCII case-insensitive),
/// <c>{name}</c>, constraints (<c>{id:int:min(1)}</c>), an optional last segment (<c>{id?}</c>) and a
/// catch-all last segment (<c>{*rest}</c>). Handler parameters that the template does not name bind from the
/// query string.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class RouteAttribute : Attribute
{
    /// <summary>Declares a route.</summary>
    /// <param name="pattern">The HTTP method, one space and the template, for example <c>"GET /users/{id:int}"</c>.</param>
    public RouteAttribute(string pattern) => Pattern = pattern;

    /// <summary>The pattern as written: method, one space, template.</summary>
    public string Pattern { get; }
}
