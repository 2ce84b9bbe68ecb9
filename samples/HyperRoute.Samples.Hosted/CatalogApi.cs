using System;
using HyperRoute.Http;
using HyperRoute.Http.Results;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRoute.Samples.Hosted;

/// <summary>
/// The sample's compiled routes. The same generated endpoint is served inside ASP.NET Core (<c>UseHyperRoute</c>) or
/// on the built-in server under the Generic Host (<c>AddHyperRouteServer</c>); services come from the host's container.
/// </summary>
[Router(Json = typeof(CatalogJson))]
public static partial class CatalogApi
{
    [Route("GET /products/{id:int}")]
    public static Results<Ok<Product>, NotFound> GetProduct(int id, [FromServices] ICatalog catalog)
        => catalog.Find(id) is { } product ? HttpResults.Ok(product) : HttpResults.NotFound();

    [Route("POST /products")]
    public static Created<Product> AddProduct([Body(MaxLength = 4096)] NewProduct product, [FromServices] ICatalog catalog, HttpResponse response)
    {
        var added = catalog.Add(product);
        Span<byte> location = stackalloc byte[32];
        "/products/"u8.CopyTo(location);
        System.Buffers.Text.Utf8Formatter.TryFormat(added.Id, location.Slice(10), out var written);
        response.SetHeader("Location"u8, location.Slice(0, 10 + written));
        return HttpResults.Created(null, added);
    }

    [Route("GET /stamp")]
    public static void Stamp([FromServices] RequestStamp first, [FromServices] RequestStamp second, HttpResponse response)
    {
        // The scope is per request: both parameters are the same instance.
        var text = response.GetSpan(24);
        System.Buffers.Text.Utf8Formatter.TryFormat(first.Value, text, out var written);
        text[written++] = (byte)'/';
        System.Buffers.Text.Utf8Formatter.TryFormat(second.Value, text.Slice(written), out var more);
        response.Advance(written + more);
    }

    [Route("GET /greeting")]
    public static string Greeting([FromKeyedServices("greeting")] string greeting) => greeting;
}
