using System;

namespace HyperRoute.Http;

/// <summary>
/// How a generated <c>HttpEndpoint</c> serves its OpenAPI document at <c>[OpenApi(Route = "/openapi.json")]</c>: called
/// only when no route answers the path, so a request that a route matches pays nothing for it. See docs/openapi.md.
/// </summary>
public static class OpenApiDocumentRoute
{
    /// <summary>
    /// Answers <c>GET</c> (and <c>HEAD</c>, whose body the server leaves out) with <paramref name="document"/> as
    /// <c>application/json</c>; any other method with 405 and <c>Allow: GET, HEAD</c>.
    /// </summary>
    /// <param name="exchange">The request at the document's path, and its response.</param>
    /// <param name="document">The generated <c>OpenApiDocument</c>: UTF-8 JSON in the assembly's data, written as it is.</param>
    /// <returns><see cref="RouteMatch.Handled"/> with no route index (-1: the document is not a route of the table), or 405.</returns>
    public static RouteMatch Serve(HttpExchange exchange, ReadOnlySpan<byte> document)
    {
        var method = exchange.Request.Method;
        if (!method.SequenceEqual("GET"u8) && !method.SequenceEqual("HEAD"u8))
        {
            return RouteMatch.MethodNotAllowed(HttpMethods.Get | HttpMethods.Head);
        }

        exchange.Response.Json(document);
        return RouteMatch.Handled(-1);
    }
}
