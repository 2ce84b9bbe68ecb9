using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet benchmarks/load/KestrelPeer/bin/Release/net10.0/KestrelPeer.dll [--port 8081]
var port = args.Length == 2 && args[0] == "--port" && int.TryParse(args[1], out var p) ? p : 8081;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
// Source-generated JSON metadata, as the HyperRoute sample has: no reflection on either side.
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PeerJson.Default));
var app = builder.Build();

app.MapGet("/plaintext", () => Results.Text("Hello, World!", "text/plain"));
app.MapGet("/users/{id:int}", (int id) => Results.Text("{\"id\":" + id + "}", "application/json"));
app.MapGet("/yield", async () =>
{
    await Task.Yield();
    return Results.Text("yielded", "text/plain");
});
app.MapGet("/slow/{ms:int:range(0,60000)}", async (int ms, CancellationToken aborted) =>
{
    await Task.Delay(ms, aborted);
    return Results.Text("slept", "text/plain");
});

// The sample's todo resource, with the same store semantics (the newest 10,000 kept).
var todos = new ConcurrentDictionary<int, Todo>();
var order = new ConcurrentQueue<int>();
var lastId = 0;
app.MapGet("/todos/{id:int}", Results<Ok<Todo>, NotFound> (int id)
    => todos.TryGetValue(id, out var todo) ? TypedResults.Ok(todo) : TypedResults.NotFound());
app.MapPost("/todos", Results<Created<Todo>, ValidationProblem> (TodoInput input) =>
{
    if (string.IsNullOrWhiteSpace(input.Title))
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["a todo has a title"] });
    }

    var todo = new Todo(Interlocked.Increment(ref lastId), input.Title, input.Done);
    todos[todo.Id] = todo;
    order.Enqueue(todo.Id);
    while (todos.Count > 10_000 && order.TryDequeue(out var oldest))
    {
        todos.TryRemove(oldest, out _);
    }

    return TypedResults.Created($"/todos/{todo.Id}", todo);
});

Console.WriteLine($"Kestrel peer listening on http://127.0.0.1:{port}");
app.Run();

internal sealed record Todo(int Id, string Title, bool Done);

internal sealed record TodoInput(string? Title, bool Done);

[JsonSerializable(typeof(Todo))]
[JsonSerializable(typeof(TodoInput))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
internal sealed partial class PeerJson : JsonSerializerContext;
