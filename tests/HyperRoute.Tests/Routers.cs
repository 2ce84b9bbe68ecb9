using System;
using System.Text;

namespace HyperRoute.Tests;

/// <summary>What a handler saw, so tests can assert which route ran with which arguments.</summary>
public readonly record struct Call(string Handler, string Arguments = "");

/// <summary>A router exercising every template feature; handlers return what they were called with.</summary>
[Router]
public static partial class CatalogApi
{
    [Route("GET /")]
    public static Call Root() => new("Root");

    [Route("GET /health")]
    public static Call Health() => new("Health");

    [Route("GET /products")]
    public static Call ListProducts(int page = 1, int? size = null, bool descending = false) => new("ListProducts", $"page={page} size={size?.ToString() ?? "null"} descending={descending}");

    [Route("POST /products")]
    public static Call CreateProduct() => new("CreateProduct");

    [Route("GET /products/new")]
    public static Call NewProductForm() => new("NewProductForm");

    [Route("GET /products/{id:int}")]
    public static Call GetProduct(int id) => new("GetProduct", $"id={id}");

    [Route("GET /products/{slug}")]
    public static Call GetProductBySlug(ReadOnlySpan<byte> slug) => new("GetProductBySlug", "slug=" + Encoding.UTF8.GetString(slug));

    [Route("PUT /products/{id:int:min(1)}")]
    public static Call UpdateProduct(long id) => new("UpdateProduct", $"id={id}");

    [Route("DELETE /products/{id:int:range(1,1000)}")]
    public static Call DeleteProduct(int id) => new("DeleteProduct", $"id={id}");

    [Route("GET /orders/{id:guid}")]
    public static Call GetOrder(Guid id) => new("GetOrder", $"id={id}");

    [Route("GET /codes/{code:alpha:length(3)}")]
    public static Call GetCode(string code) => new("GetCode", "code=" + code);

    [Route("GET /codes/{code:minlength(4):maxlength(8)}")]
    public static Call GetLongCode(string code) => new("GetLongCode", "code=" + code);

    [Route("GET /flags/{on:bool}")]
    public static Call GetFlag(bool on) => new("GetFlag", $"on={on}");

    [Route("GET /big/{n:long}")]
    public static Call GetBig(long n) => new("GetBig", $"n={n}");

    [Route("GET /plain/{n}")]
    public static Call GetPlain(int n) => new("GetPlain", $"n={n}");

    [Route("GET /archive/{year:int}/{month?}")]
    public static Call Archive(int year, int month = 0) => new("Archive", $"year={year} month={month}");

    [Route("GET /files/{*path}")]
    public static Call GetFile(string path) => new("GetFile", "path=" + path);

    [Route("GET /files/readme")]
    public static Call Readme() => new("Readme");

    [Route("GET /search")]
    public static Call Search(string q, ReadOnlySpan<byte> sort = default) => new("Search", $"q={q} sort={Encoding.UTF8.GetString(sort)}");

    [Route("HEAD /products/{id:int}")]
    public static Call HeadProduct(int id) => new("HeadProduct", $"id={id}");

    [Route("GET /a/{x}/b")]
    public static Call AXB(string x) => new("AXB", "x=" + x);

    [Route("GET /a/c/{y}")]
    public static Call ACY(string y) => new("ACY", "y=" + y);

    [Route("GET /Mixed/Case")]
    public static Call MixedCase() => new("MixedCase");
}

/// <summary>A router with instance handlers and void results: Dispatch becomes an instance method without a result.</summary>
[Router]
public partial class CounterApi
{
    public int Hits { get; private set; }

    public long Last { get; private set; }

    [Route("POST /hit")]
    public void Hit() => Hits++;

    [Route("POST /hit/{by:long}")]
    public void HitBy(long by)
    {
        Hits++;
        Last = by;
    }

    [Route("GET /static")]
    public static void Static()
    {
    }
}
