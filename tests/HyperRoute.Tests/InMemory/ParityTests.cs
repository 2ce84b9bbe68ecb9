using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.InMemory;
using HyperRoute.Samples.Api;
using Xunit;

namespace HyperRoute.Tests.InMemory;

/// <summary>
/// One table of requests sent to the socket server (over loopback, through <see cref="HttpClient"/>) and to the
/// in-memory client: every route of the sample and every framework error get the same status, headers (but
/// <c>Date</c>) and body. Each row runs on the socket server, then in memory, so the sample's shared stores see the
/// two sides interleaved; the ids each side created are its own, and ids in bodies and <c>Location</c> are compared
/// as <c>#</c>.
/// </summary>
public sealed class ParityTests
{
    private static readonly HttpServerOptions Options = new()
    {
        Port = 0,
        Workers = 1,
        Limits = HttpLimits.Default with { MaxRequestBodySize = 16 * 1024 },
    };

    /// <summary>A request of the table, built for one side (which knows the ids it created), and its expected status.</summary>
    public sealed record Row(string Name, int Status, Func<Side, HttpRequestMessage> Request);

    /// <summary>What one side created: the ids its later requests name.</summary>
    public sealed class Side
    {
        public int Todo { get; set; }

        public int Order { get; set; }
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Send(HttpMethod method, string path, string? body, string? contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static readonly Row[] ShopTable =
    [
        // The routes.
        new("plaintext", 200, _ => Get("/plaintext")),
        new("plaintext over HTTP/1.0", 200, _ => new HttpRequestMessage(HttpMethod.Get, "/plaintext") { Version = System.Net.HttpVersion.Version10 }),
        new("HEAD plaintext", 200, _ => new HttpRequestMessage(HttpMethod.Head, "/plaintext")),
        new("user", 200, _ => Get("/users/42")),
        new("users, default paging", 200, _ => Get("/users")),
        new("users, paging from the query", 200, _ => Get("/users?page=3&size=5")),
        new("create user", 201, _ => Send(HttpMethod.Post, "/users", "{\"name\":\"Ada\"}", headers: ("X-Tenant", "acme"))),
        new("delete user", 204, _ => Send(HttpMethod.Delete, "/users/7", null)),
        new("create order", 201, _ => Send(HttpMethod.Post, "/orders", "{\"sku\":\"A-1\",\"quantity\":2}", headers: ("X-Tenant", "acme"))),
        new("get order", 200, s => Get($"/orders/{s.Order}")),
        new("missing order", 404, _ => Get("/orders/999999")),
        new("yield", 200, _ => Get("/yield")),
        new("slow", 200, _ => Get("/slow/15")),
        new("echo", 200, _ => Send(HttpMethod.Post, "/echo", "bytes \u00e9 back", "application/octet-stream")),
        new("stream, chunked", 200, _ => Get("/stream/3000")),
        new("files, catch-all", 200, _ => Get("/files/docs/a%20b.txt")),
        new("create todo", 201, _ => Send(HttpMethod.Post, "/todos", "{\"title\":\"write tests\"}")),
        new("get todo", 200, s => Get($"/todos/{s.Todo}")),
        new("list todos", 200, _ => Get("/todos")),
        new("list open todos", 200, _ => Get("/todos?done=false")),
        new("replace todo", 200, s => Send(HttpMethod.Put, $"/todos/{s.Todo}", "{\"title\":\"tests written\",\"done\":true}")),
        new("replace todo, empty title", 400, s => Send(HttpMethod.Put, $"/todos/{s.Todo}", "{\"title\":\" \"}")),
        new("create todo, empty title", 400, _ => Send(HttpMethod.Post, "/todos", "{\"title\":\"\"}")),
        new("delete todo", 204, s => Send(HttpMethod.Delete, $"/todos/{s.Todo}", null)),
        new("deleted todo", 404, s => Get($"/todos/{s.Todo}")),
        new("delete deleted todo", 404, s => Send(HttpMethod.Delete, $"/todos/{s.Todo}", null)),

        // The framework's answers.
        new("no route: 404", 404, _ => Get("/nowhere")),
        new("other methods only: 405 with Allow", 405, _ => Send(HttpMethod.Delete, "/plaintext", null)),
        new("query value that does not convert: 400 naming it", 400, _ => Get("/users?page=abc")),
        new("query value that does not convert: 400 naming it (bool)", 400, _ => Get("/todos?done=maybe")),
        new("missing header: 400 naming it", 400, _ => Send(HttpMethod.Post, "/users", "{}")),
        new("body over the server's limit: 413", 413, _ => Send(HttpMethod.Post, "/echo", new string('x', 20_000), "application/octet-stream")),
        new("body over the route's limit: 413", 413, _ => Send(HttpMethod.Post, "/orders", "{\"sku\":\"" + new string('x', 5000) + "\",\"quantity\":1}", headers: ("X-Tenant", "acme"))),
        new("body of the wrong type: 415", 415, _ => Send(HttpMethod.Post, "/todos", "title=x", "text/plain")),
        new("malformed JSON body: 400", 400, _ => Send(HttpMethod.Post, "/todos", "{\"title\":")),
        new("request validator refuses: 401", 401, _ => Send(HttpMethod.Post, "/orders", "{\"sku\":\"A-1\",\"quantity\":2}")),
        new("body validator refuses: 400 naming the field", 400, _ => Send(HttpMethod.Post, "/orders", "{\"sku\":\"A-1\",\"quantity\":0}", headers: ("X-Tenant", "acme"))),
        new("constraint out of range: 404", 404, _ => Get("/stream/0")),
    ];

    private static readonly Row[] LimitsTable =
    [
        new("handler time limit: 504", 504, _ => Get("/late")),
        new("route value that does not convert: 400 naming it", 400, _ => Get("/count/many")),
        new("route value that converts", 200, _ => Get("/count/12")),
        new("chunks flushed after awaits", 200, _ => Get("/drip")),
        new("handler throws: 500", 500, _ => Get("/throws")),
        new("handler throws after an await: 500", 500, _ => Get("/throws-later")),
    ];

    [Fact]
    public Task Sample_routes_and_framework_errors_answer_the_same_in_memory_as_over_sockets()
        => Compare(new ShopApi.HttpEndpoint(), ShopTable);

    [Fact]
    public Task Time_limits_and_faults_answer_the_same_in_memory_as_over_sockets()
        => Compare(new LimitsApi.HttpEndpoint(), LimitsTable);

    private static async Task Compare<TEndpoint>(TEndpoint endpoint, Row[] table)
        where TEndpoint : struct, IHttpEndpoint
    {
        await using var server = HttpServer.Start(endpoint, Options);
        using var socketClient = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.EndPoint.Port}/"),
        };
        var memory = InMemoryServer.Create(endpoint, Options);
        using var memoryClient = new HttpClient(memory.CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        var (socketSide, memorySide) = (new Side(), new Side());
        var mismatches = new List<string>();
        foreach (var row in table)
        {
            var overSockets = await Run(socketClient, row, socketSide);
            var inMemory = await Run(memoryClient, row, memorySide);
            if (overSockets != inMemory)
            {
                mismatches.Add($"{row.Name}:\n  sockets:   {Shorten(overSockets)}\n  in memory: {Shorten(inMemory)}");
            }
            else if (!overSockets.StartsWith(row.Status + " ", StringComparison.Ordinal))
            {
                mismatches.Add($"{row.Name}: expected {row.Status}, both answered {Shorten(overSockets)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(0, server.ConnectionFaults);
        Assert.Equal(0, memory.ConnectionFaults);
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    // The response as one comparable line: status, headers but Date (sorted), body; ids written as #.
    private static async Task<string> Run(HttpClient client, Row row, Side side)
    {
        using var request = row.Request(side);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var id = Regex.Match(body, "\"id\":(\\d+)");
        if (request.Method == HttpMethod.Post && id.Success && (int)response.StatusCode == 201)
        {
            if (request.RequestUri!.AbsolutePath.StartsWith("/todos", StringComparison.Ordinal))
            {
                side.Todo = int.Parse(id.Groups[1].Value);
            }
            else if (request.RequestUri.AbsolutePath.StartsWith("/orders", StringComparison.Ordinal))
            {
                side.Order = int.Parse(id.Groups[1].Value);
            }
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal);
        var text = $"{(int)response.StatusCode} [{string.Join(" | ", headers)}] {body}";
        return Regex.Replace(text, "(\"id\":|/todos/|/orders/)\\d+", "$1#");
    }
}
