using System;

namespace HyperRoute;

/// <summary>
/// Binds a <c>ReadOnlySpan&lt;byte&gt;</c> handler parameter to the request body, fully received (and de-chunked)
/// before the handler runs; the server's <c>MaxRequestBodySize</c> bounds it (413 beyond).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BodyAttribute : Attribute
{
}
