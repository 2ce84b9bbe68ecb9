using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;

namespace HyperRoute.Samples.Hosted;

/// <summary>A product as clients see it (JSON).</summary>
public sealed record Product(int Id, string Name, decimal Price);

/// <summary>A product as clients post it (JSON).</summary>
public sealed record NewProduct(string Name, decimal Price);

/// <summary>The catalog's products: a singleton service the handlers receive with [FromServices].</summary>
public interface ICatalog
{
    Product? Find(int id);

    Product Add(NewProduct product);
}

/// <summary>An in-memory catalog.</summary>
public sealed class MemoryCatalog : ICatalog
{
    private readonly ConcurrentDictionary<int, Product> _products = new() { [1] = new Product(1, "kettle", 24.5m) };
    private int _lastId = 1;

    public Product? Find(int id) => _products.TryGetValue(id, out var product) ? product : null;

    public Product Add(NewProduct product)
    {
        var added = new Product(Interlocked.Increment(ref _lastId), product.Name, product.Price);
        _products[added.Id] = added;
        return added;
    }
}

/// <summary>A per-request service: the id that a request's log lines and its answer share.</summary>
public sealed class RequestStamp
{
    private static int s_next;

    public int Value { get; } = Interlocked.Increment(ref s_next);
}

/// <summary>Source-generated JSON metadata for the catalog's bodies and results: no reflection.</summary>
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(NewProduct))]
[JsonSerializable(typeof(List<Product>))]
public sealed partial class CatalogJson : JsonSerializerContext;
