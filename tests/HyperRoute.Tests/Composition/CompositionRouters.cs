// These routers build strings on purpose: they test where requests are routed, not allocation.
#pragma warning disable HR1001, HR1006, HR1009, HR1010

using System;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Results;

namespace HyperRoute.Tests.Composition;

/// <summary>Every route served under <c>/api/v1</c>, the root route included.</summary>
[Router(Prefix = "/api/v1")]
public static partial class PrefixedTodoApi
{
    [Route("GET /")]
    public static string Index() => "todos";

    [Route("GET /todos/{id:int}")]
    public static string Get(int id) => "todo " + id;

    [Route("DELETE /todos/{id:int}")]
    public static void Delete(int id)
    {
    }

    [Route("GET /files/{*path}")]
    public static string File(string path) => "file " + path;
}

public sealed record ShopTodo(int Id, string Title);

public sealed record ShopStatus(string Name, int Routers);

/// <summary>The todo router's context: no options of its own, so web defaults (camelCase).</summary>
[JsonSerializable(typeof(ShopTodo))]
public partial class ShopTodoJson : JsonSerializerContext;

/// <summary>The status router's context, with options of its own (PascalCase names kept).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(ShopStatus))]
public partial class ShopStatusJson : JsonSerializerContext;

/// <summary>Lets a request through only with <c>key=open</c> in its query.</summary>
[Validator]
public partial struct ShopKey : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
        => request.Query.IndexOf("key=open"u8) >= 0 ? ValidationResult.Ok : ValidationResult.Fail("key"u8, "A key is required."u8, 401);
}

[Transform]
public partial struct ShopNoStore : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
}

/// <summary>The first router of <see cref="ShopApp"/>: a prefix, a router validator and transform, its own JSON context.</summary>
[Router(Prefix = "/api/todos", Json = typeof(ShopTodoJson))]
[Validate<ShopKey>]
[Transform<ShopNoStore>]
public static partial class ShopTodoApi
{
    [Route("GET /{id:int}")]
    public static ShopTodo Get(int id) => new(id, "todo " + id);

    [Route("POST /")]
    public static Created<ShopTodo> Create([Body] ShopTodo todo, [Header("X-Tenant")] string tenant)
        => HttpResults.Created("/api/todos/" + todo.Id, todo with { Title = tenant + ":" + todo.Title });

    [Route("GET /slow/{id:int}")]
    [HandlerTimeout(5_000)]
    public static async ValueTask<ShopTodo> Slow(int id)
    {
        await Task.Delay(10).ConfigureAwait(false);
        return new(id, "slow");
    }
}

/// <summary>The second router of <see cref="ShopApp"/>: no prefix, no steps, another JSON context, a route on the first's path.</summary>
[Router(Json = typeof(ShopStatusJson))]
public static partial class ShopStatusApi
{
    [Route("GET /health")]
    public static string Health() => "ok";

    [Route("GET /status")]
    internal static ShopStatus Status([Header("X-Tenant")] string? tenant) => new(tenant ?? "none", 2);

    [Route("DELETE /api/todos/{id:int}")]
    public static void Delete(int id, HttpResponse response) => response.StatusCode = 204;
}

/// <summary>Both routers on one server, in one decision tree.</summary>
[App(typeof(ShopTodoApi), typeof(ShopStatusApi))]
public static partial class ShopApp;
