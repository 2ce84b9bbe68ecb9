using System;

namespace HyperRoute;

/// <summary>
/// Binds a handler parameter to a request header, for example <c>[Header("X-Tenant")] ReadOnlySpan&lt;byte&gt; tenant</c>.
/// The header name is matched ASCII case-insensitively by a switch the generator emits into the router's
/// request parser: bound headers are read straight into spans, every other header is validated and skipped.
/// </summary>
/// <remarks>
/// The parameter may be <c>ReadOnlySpan&lt;byte&gt;</c>, <c>string</c> or any type a route value can bind to
/// (<c>int</c>, <c>long</c>, <c>Guid</c>, …). A missing header answers 400 unless the parameter has a default
/// value or is nullable; a value that does not convert answers 400; a bound header sent twice answers 400
/// (which of the two values was meant is ambiguous). Only routers served over HTTP
/// (<see cref="Http.IHttpEndpoint"/>) can bind headers.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class HeaderAttribute : Attribute
{
    /// <summary>Binds the parameter to the header <paramref name="name"/>.</summary>
    /// <param name="name">The field name, a token such as <c>X-Tenant</c> (case does not matter).</param>
    public HeaderAttribute(string name) => Name = name;

    /// <summary>The field name as written.</summary>
    public string Name { get; }
}
