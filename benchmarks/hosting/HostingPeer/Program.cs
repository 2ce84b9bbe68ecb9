using System;
using System.Net;
using HyperRoute.AspNetCore;
using HyperRoute.Samples.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// Usage: dotnet benchmarks/hosting/HostingPeer/bin/Release/net10.0/HostingPeer.dll --port 8090 --router hyperroute|minimal
// The same Kestrel, the same pipeline, the same answers; only the router (routing and binding) differs.
var port = 8090;
var router = "hyperroute";
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port" when int.TryParse(args[i + 1], out var p):
            port = p;
            break;
        case "--router" when args[i + 1] is "hyperroute" or "minimal":
            router = args[i + 1];
            break;
        default:
            Console.Error.WriteLine("Usage: --port <n> --router hyperroute|minimal");
            return 2;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
var app = builder.Build();

if (router == "hyperroute")
{
    app.UseHyperRoute(new ShopApi.HttpEndpoint());
}
else
{
    // The sample's measured routes as minimal APIs, answering the same bytes.
    app.MapGet("/plaintext", () => Results.Text("Hello, World!", "text/plain"));
    app.MapGet("/users/{id:int}", (int id) => Results.Text("{\"id\":" + id + "}", "application/json"));
    app.MapGet("/users", (int page = 1, int size = 20) => Results.Text("{\"page\":" + page + ",\"size\":" + size + ",\"users\":[]}", "application/json"));
}

Console.WriteLine($"HostingPeer ({router}) on http://127.0.0.1:{port}");
app.Run();
return 0;
