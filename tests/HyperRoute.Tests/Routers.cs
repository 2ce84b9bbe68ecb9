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

/// <summary>
/// A router with more literals at one position than a switch keeps in one method, all leading on alike
/// (<c>/r{i}/items/{id:int}</c>): the generated code finds the literal in a method of its own and matches the rest
/// of the path once for all of them. Each of them must still reach its own route.
/// </summary>
[Router]
public static partial class WideApi
{
    [Route("GET /r0")]
    public static Call List0() => new("List0");

    [Route("GET /r0/items/{id:int}")]
    public static Call Item0(int id) => new("Item0", $"id={id}");

    [Route("GET /r1")]
    public static Call List1() => new("List1");

    [Route("GET /r1/items/{id:int}")]
    public static Call Item1(int id) => new("Item1", $"id={id}");

    [Route("GET /r2")]
    public static Call List2() => new("List2");

    [Route("GET /r2/items/{id:int}")]
    public static Call Item2(int id) => new("Item2", $"id={id}");

    [Route("GET /r3")]
    public static Call List3() => new("List3");

    [Route("GET /r3/items/{id:int}")]
    public static Call Item3(int id) => new("Item3", $"id={id}");

    [Route("GET /r4")]
    public static Call List4() => new("List4");

    [Route("GET /r4/items/{id:int}")]
    public static Call Item4(int id) => new("Item4", $"id={id}");

    [Route("GET /r5")]
    public static Call List5() => new("List5");

    [Route("GET /r5/items/{id:int}")]
    public static Call Item5(int id) => new("Item5", $"id={id}");

    [Route("GET /r6")]
    public static Call List6() => new("List6");

    [Route("GET /r6/items/{id:int}")]
    public static Call Item6(int id) => new("Item6", $"id={id}");

    [Route("GET /r7")]
    public static Call List7() => new("List7");

    [Route("GET /r7/items/{id:int}")]
    public static Call Item7(int id) => new("Item7", $"id={id}");

    [Route("GET /r8")]
    public static Call List8() => new("List8");

    [Route("GET /r8/items/{id:int}")]
    public static Call Item8(int id) => new("Item8", $"id={id}");

    [Route("GET /r9")]
    public static Call List9() => new("List9");

    [Route("GET /r9/items/{id:int}")]
    public static Call Item9(int id) => new("Item9", $"id={id}");

    [Route("GET /r10")]
    public static Call List10() => new("List10");

    [Route("GET /r10/items/{id:int}")]
    public static Call Item10(int id) => new("Item10", $"id={id}");

    [Route("GET /r11")]
    public static Call List11() => new("List11");

    [Route("GET /r11/items/{id:int}")]
    public static Call Item11(int id) => new("Item11", $"id={id}");

    [Route("GET /r12")]
    public static Call List12() => new("List12");

    [Route("GET /r12/items/{id:int}")]
    public static Call Item12(int id) => new("Item12", $"id={id}");

    [Route("GET /r13")]
    public static Call List13() => new("List13");

    [Route("GET /r13/items/{id:int}")]
    public static Call Item13(int id) => new("Item13", $"id={id}");

    [Route("GET /r14")]
    public static Call List14() => new("List14");

    [Route("GET /r14/items/{id:int}")]
    public static Call Item14(int id) => new("Item14", $"id={id}");

    [Route("GET /r15")]
    public static Call List15() => new("List15");

    [Route("GET /r15/items/{id:int}")]
    public static Call Item15(int id) => new("Item15", $"id={id}");

    [Route("GET /r16")]
    public static Call List16() => new("List16");

    [Route("GET /r16/items/{id:int}")]
    public static Call Item16(int id) => new("Item16", $"id={id}");

    [Route("GET /r17")]
    public static Call List17() => new("List17");

    [Route("GET /r17/items/{id:int}")]
    public static Call Item17(int id) => new("Item17", $"id={id}");

    [Route("GET /r18")]
    public static Call List18() => new("List18");

    [Route("GET /r18/items/{id:int}")]
    public static Call Item18(int id) => new("Item18", $"id={id}");

    [Route("GET /r19")]
    public static Call List19() => new("List19");

    [Route("GET /r19/items/{id:int}")]
    public static Call Item19(int id) => new("Item19", $"id={id}");

    [Route("POST /r3/items/{id:int}")]
    public static Call PostItem3(int id) => new("PostItem3", $"id={id}");
}

/// <summary>
/// A router with few literals at each position, which the generated code compares in place (see
/// <c>InPlaceLiteralTests</c>): two of them start with the same byte, one has routes that end at it, and after
/// <c>/x/{id}</c> literals and a catch-all share a segment that may be empty.
/// </summary>
[Router]
public static partial class InPlaceApi
{
    [Route("GET /users/{id:int}")]
    public static Call GetUser(int id) => new("GetUser", $"id={id}");

    [Route("GET /users/{id:int}/posts")]
    public static Call GetPosts(int id) => new("GetPosts", $"id={id}");

    [Route("GET /u/{name}")]
    public static Call ShortUser(string name) => new("ShortUser", $"name={name}");

    [Route("GET /docs/{*path}")]
    public static Call Docs(string path) => new("Docs", $"path={path}");

    [Route("GET /docs/{section}/index")]
    public static Call DocsIndex(string section) => new("DocsIndex", $"section={section}");

    [Route("GET /x/{id}/alpha")]
    public static Call XAlpha(string id) => new("XAlpha", $"id={id}");

    [Route("GET /x/{id}/beta")]
    public static Call XBeta(string id) => new("XBeta", $"id={id}");

    [Route("GET /x/{id}/{*rest}")]
    public static Call XRest(string id, string rest) => new("XRest", $"id={id} rest={rest}");
}

/// <summary>A router whose first segment can be anything (<c>/{slug}</c>): no path is a 404 for its first byte.</summary>
[Router]
public static partial class SlugFirstApi
{
    [Route("GET /{slug}")]
    public static Call Page(string slug) => new("Page", "slug=" + slug);

    [Route("POST /items")]
    public static Call CreateItem() => new("CreateItem");
}
