using System;
using System.Buffers.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute;
using HyperRoute.Http;
using HyperRoute.Http.Results;

namespace HyperRoute.Samples.Api;

/// <summary>
/// The sample's routes. Build, and the generator writes <c>ShopApi.Dispatch</c> and <c>ShopApi.HttpEndpoint</c>,
/// which the built-in server hosts. Handlers write straight into the connection's pooled response buffer; the
/// order routes await their store (<see cref="OrderStore"/>), and the server serves other requests meanwhile.
/// </summary>
[Router(Json = typeof(ShopJson))]
// The OpenAPI 3.1 document the generator writes for these routes, served at GET /openapi.json (docs/openapi.md).
[OpenApi(Title = "Shop API", Route = "/openapi.json")]
public static partial class ShopApi
{
    [Route("GET /plaintext")]
    public static void Plaintext(HttpResponse response) => response.Text("Hello, World!"u8);

    [Route("GET /users/{id:int}")]
    public static void GetUser(int id, HttpResponse response)
    {
        var json = response.GetSpan(32);
        "{\"id\":"u8.CopyTo(json);
        Utf8Formatter.TryFormat(id, json.Slice(6), out var written);
        json[6 + written] = (byte)'}';
        response.SetContentType("application/json"u8);
        response.Advance(7 + written);
    }

    [Route("GET /users")]
    public static void ListUsers(HttpResponse response, int page = 1, int size = 20)
    {
        response.SetContentType("application/json"u8);
        response.Write("{\"page\":"u8);
        WriteNumber(response, page);
        response.Write(",\"size\":"u8);
        WriteNumber(response, size);
        response.Write(",\"users\":[]}"u8);
    }

    [Route("POST /users")]
    public static void CreateUser([Body] ReadOnlySpan<byte> body, [Header("X-Tenant")] ReadOnlySpan<byte> tenant, HttpResponse response)
    {
        // A real handler would parse the body; this one reports what it received.
        response.StatusCode = 201;
        response.SetHeader("Location"u8, "/users/1"u8);
        response.SetContentType("application/json"u8);
        response.Write("{\"received\":"u8);
        WriteNumber(response, body.Length);
        response.Write(",\"tenant\":\""u8);
        response.Write(tenant.IsEmpty ? "default"u8 : tenant);
        response.Write("\"}"u8);
    }

    [Route("POST /orders")]
    [Validate<TenantRequired>]
    [Transform<NoStore>]
    public static async ValueTask<Created<OrderAccepted>> CreateOrder([Body(MaxLength = 4096), Validate<ValidOrder>] Order order, CancellationToken aborted)
    {
        // Reached only with a tenant and a valid order; a bad body is answered 400/413/415 as problem+json.
        var stored = await OrderStore.AddAsync(order, aborted);
        return HttpResults.Created($"/orders/{stored.Id}", new OrderAccepted(stored.Id, stored.Sku, stored.Quantity, "accepted"));
    }

    [Route("GET /orders/{id:int}")]
    public static async ValueTask<Results<Ok<StoredOrder>, NotFound>> GetOrder(int id, CancellationToken aborted)
    {
        // The worker serves other connections while the store answers; the token is cancelled if the client leaves.
        return await OrderStore.FindAsync(id, aborted) is { } order ? HttpResults.Ok(order) : HttpResults.NotFound();
    }

    [Route("GET /yield")]
    public static async ValueTask Yield(HttpResponse response)
    {
        // The smallest real wait: one trip through the thread pool (the load race compares its cost with Kestrel's).
        await Task.Yield();
        response.Text("yielded"u8);
    }

    [Route("GET /slow/{ms:int:range(0,60000)}")]
    public static async ValueTask Slow(int ms, HttpResponse response, CancellationToken aborted)
    {
        // Answers after ms milliseconds; past the server's HandlerTimeout (30 s) it is answered 504 instead.
        await Task.Delay(ms, aborted);
        response.Text("slept"u8);
    }

    [Route("POST /echo")]
    public static void Echo([Body] ReadOnlySpan<byte> body, HttpResponse response)
    {
        response.SetContentType("application/octet-stream"u8);
        response.Write(body);
    }

    [Route("GET /stream/{lines:int:range(1,100000)}")]
    public static void Stream(int lines, HttpResponse response)
    {
        // A body of unknown size, sent in chunks as it is produced (every 16 KiB), never held whole.
        response.StartChunked();
        response.SetContentType("text/plain"u8);
        for (var i = 1; i <= lines; i++)
        {
            response.Write("line "u8);
            WriteNumber(response, i);
            response.Write("\n"u8);
        }
    }

    [Route("GET /files/{*path}")]
    public static void GetFile(string path, HttpResponse response) => response.Text(System.Text.Encoding.UTF8.GetBytes("you asked for " + path + "\n"));

    [Route("DELETE /users/{id:int:min(1)}")]
    public static void DeleteUser(int id, HttpResponse response) => response.StatusCode = 204;

    private static void WriteNumber(HttpResponse response, int value)
    {
        Utf8Formatter.TryFormat(value, response.GetSpan(11), out var written);
        response.Advance(written);
    }
}
