using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// Usage: dotnet benchmarks/load/KestrelPeer/bin/Release/net10.0/KestrelPeer.dll [--port 8081]
var port = args.Length == 2 && args[0] == "--port" && int.TryParse(args[1], out var p) ? p : 8081;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
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

Console.WriteLine($"Kestrel peer listening on http://127.0.0.1:{port}");
app.Run();
