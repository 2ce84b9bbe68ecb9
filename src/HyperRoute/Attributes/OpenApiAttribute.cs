using System;

namespace HyperRoute;

/// <summary>
/// Asks the generator for an OpenAPI 3.1 document of a <see cref="RouterAttribute"/> router or an <see cref="AppAttribute"/>
/// app, written at compile time: the type gains <c>OpenApiDocument</c> (the UTF-8 JSON, a <c>ReadOnlySpan&lt;byte&gt;</c>
/// over the assembly's data) and <c>OpenApiJson</c> (the same as a <c>string</c>). See docs/openapi.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class OpenApiAttribute : Attribute
{
    /// <summary>The document's <c>info.title</c>; the type's name when <see langword="null"/>.</summary>
    public string? Title { get; set; }

    /// <summary>The document's <c>info.version</c>; <c>1.0.0</c> when <see langword="null"/>.</summary>
    public string? Version { get; set; }

    /// <summary>
    /// A path at which the generated <c>HttpEndpoint</c> serves the document (<c>GET</c> and <c>HEAD</c>,
    /// <c>application/json</c>), such as <c>/openapi.json</c>; none when <see langword="null"/>. Absolute (a router's
    /// <c>Prefix</c> does not apply) and literal (HR0027). It is answered only when no route answers the path, so matched
    /// requests pay nothing for it, the router's own validators run before it as before any route, and the document does
    /// not list it.
    /// </summary>
    public string? Route { get; set; }
}
