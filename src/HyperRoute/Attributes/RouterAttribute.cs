using System;

namespace HyperRoute;

/// <summary>
/// Marks a <c>partial</c> type as a router. The HyperRoute generator reads the <see cref="RouteAttribute"/>
/// methods of the type and emits a <c>Dispatch</c> method that routes UTF-8 requests to them with nested
/// <c>switch</c>es, without dictionaries, regular expressions, reflection or allocation.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class RouterAttribute : Attribute
{
    /// <summary>
    /// The System.Text.Json <c>JsonSerializerContext</c> whose source-generated metadata reads typed
    /// <see cref="BodyAttribute"/> parameters (it must list each body type with <c>[JsonSerializable]</c>);
    /// <see langword="null"/> when no route takes a typed body.
    /// </summary>
    public Type? Json { get; set; }

    /// <summary>
    /// A path every route of the router is served under: with <c>Prefix = "/api/v1"</c>, <c>[Route("GET /todos/{id:int}")]</c>
    /// answers <c>GET /api/v1/todos/{id:int}</c>, and <c>"GET /"</c> answers <c>GET /api/v1</c>. It starts with <c>/</c>, does not
    /// end with one, and holds literal segments only (a bad prefix is reported as HR0023). <see langword="null"/> for none.
    /// The router's <c>Dispatch</c>, <c>HttpEndpoint</c> and <c>RoutePatterns</c> all carry the prefixed patterns.
    /// </summary>
    public string? Prefix { get; set; }
}
