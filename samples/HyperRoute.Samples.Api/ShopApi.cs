using System;
using System.Buffers.Text;
using System.Text;
using HyperRoute;

namespace HyperRoute.Samples.Api;

/// <summary>The sample's routes. Build, and the generator writes <c>ShopApi.Dispatch</c>.</summary>
[Router]
public static partial class ShopApi
{
    [Route("GET /plaintext")]
    public static Reply Plaintext() => Reply.Text(HelloWorld);

    [Route("GET /users/{id:int}")]
    public static Reply GetUser(int id)
    {
        var json = new byte[32];
        "{\"id\":"u8.CopyTo(json);
        Utf8Formatter.TryFormat(id, json.AsSpan(6), out var written);
        json[6 + written] = (byte)'}';
        return Reply.Json(json.AsMemory(0, 7 + written));
    }

    [Route("GET /users")]
    public static Reply ListUsers(int page = 1, int size = 20)
        => Reply.Json(Encoding.UTF8.GetBytes($"{{\"page\":{page},\"size\":{size},\"users\":[]}}"));

    [Route("GET /files/{*path}")]
    public static Reply GetFile(string path) => Reply.Text(Encoding.UTF8.GetBytes("you asked for " + path + "\n"));

    [Route("DELETE /users/{id:int:min(1)}")]
    public static Reply DeleteUser(int id) => Reply.Status(204);

    private static readonly byte[] HelloWorld = "Hello, World!"u8.ToArray();
}

/// <summary>What a sample handler answers: a status, a content type and a body.</summary>
public readonly record struct Reply(int StatusCode, string? ContentType, ReadOnlyMemory<byte> Body)
{
    public static Reply Text(ReadOnlyMemory<byte> body) => new(200, "text/plain", body);

    public static Reply Json(ReadOnlyMemory<byte> body) => new(200, "application/json", body);

    public static Reply Status(int statusCode) => new(statusCode, null, default);
}
