using System;

namespace HyperRoute;

/// <summary>
/// Binds a handler parameter to the request body, fully received (and de-chunked) before the handler runs; the
/// server's <c>MaxRequestBodySize</c> bounds it (413 beyond). A <c>ReadOnlySpan&lt;byte&gt;</c> parameter gets the raw
/// bytes; any other type is read as JSON with the System.Text.Json source-generated metadata of the router's
/// <see cref="RouterAttribute.Json"/> context: a body that is not <c>application/json</c> answers 415, an empty or
/// malformed one 400, one over <see cref="MaxLength"/> 413, each as <c>application/problem+json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BodyAttribute : Attribute
{
    /// <summary>The largest body this route takes, in bytes; 0 (the default) leaves it to the server's limit.</summary>
    public long MaxLength { get; set; }
}
