using System;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using HyperRoute.Diagnostics;
using HyperRoute.Http;
using HyperRoute.Samples.Api;

// Usage: dotnet run -c Release --project samples/HyperRoute.Samples.Api -- [--port 8080] [--address 127.0.0.1] [--workers N] [--store-latency ms] [--share-port]
var options = new HttpServerOptions { Port = 8080, OnHandlerError = e => Console.Error.WriteLine("Handler failed: " + e) };
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--port" when int.TryParse(value, out var port) && port is >= 0 and < 65536:
            options = options with { Port = port };
            i++;
            break;
        case "--address" when IPAddress.TryParse(value, out var address):
            options = options with { Address = address };
            i++;
            break;
        case "--workers" when int.TryParse(value, out var workers) && workers > 0:
            options = options with { Workers = workers };
            i++;
            break;
        case "--store-latency" when int.TryParse(value, out var latency) && latency >= 0:
            StoreLatency.Value = TimeSpan.FromMilliseconds(latency);
            i++;
            break;
        case "--share-port": // several instances on one port, the kernel spreading connections (SO_REUSEPORT)
            options = options with { SharePort = true };
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'. Usage: --port <0-65535, 0 picks a free one> --address <ip> --workers <n> --store-latency <ms the order store takes per call> --share-port <share the port with other instances>");
            return 2;
    }
}

HttpServer<ShopApi.HttpEndpoint> server;
try
{
    server = HttpServer.Start(new ShopApi.HttpEndpoint(), options);
}
catch (HttpServerAddressInUseException e)
{
    Console.Error.WriteLine(e.Message); // names the address and what to do
    return 1;
}
catch (System.Net.Sockets.SocketException e)
{
    Console.Error.WriteLine($"Cannot listen on {options.Address}:{options.Port}: {e.Message}");
    return 1;
}

var origin = $"http://{server.EndPoint}";
Console.WriteLine($"HyperRoute sample listening on {origin} ({server.Transport}, {options.Workers} workers, {server.ListenerCount} listening sockets)");
Console.WriteLine("Routes:");
Console.Write(RouteTable.Format(ShopApi.Routes, indent: "  ")); // the generated route table: handler, validators, transforms, responses

Console.WriteLine($"Try: curl -i {origin}/users/42");
Console.WriteLine("Ctrl+C stops (in-flight requests finish first).");

using var stop = new ManualResetEventSlim();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Set(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
stop.Wait();
await server.StopAsync(TimeSpan.FromSeconds(10));
Console.WriteLine($"Stopped after {server.RequestsServed} requests.");
return 0;
