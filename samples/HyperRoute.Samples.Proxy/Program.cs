using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Samples.Proxy;

// Proxy: dotnet run -c Release --project samples/HyperRoute.Samples.Proxy -- --port 8080 --backend 127.0.0.1:9001 [--backend …]
//        [--strategy round-robin|least-in-flight|hash-client] [--health-path /] [--workers N]
// Echo backend: dotnet run -c Release --project samples/HyperRoute.Samples.Proxy -- --echo --port 9001
var options = new HttpServerOptions { Port = 8080, OnHandlerError = e => Console.Error.WriteLine("Handler failed: " + e.Message) };
var backends = new List<HttpBackend>();
var echo = false;
var strategy = "round-robin";
string? healthPath = null;
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
        case "--backend" when value is not null && IPEndPoint.TryParse(value, out var endPoint) && endPoint.Port > 0:
            backends.Add(new HttpBackend(endPoint));
            i++;
            break;
        case "--strategy" when value is "round-robin" or "least-in-flight" or "hash-client":
            strategy = value;
            i++;
            break;
        case "--health-path" when value is not null && value.StartsWith('/'):
            healthPath = value;
            i++;
            break;
        case "--echo":
            echo = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'. Usage: --port <n> --address <ip> --workers <n> --backend <ip:port> (repeat) --strategy <round-robin|least-in-flight|hash-client> --health-path </path> | --echo --port <n>");
            return 2;
    }
}

if (echo)
{
    EchoBackend.Name = System.Text.Encoding.ASCII.GetBytes(options.Port.ToString(CultureInfo.InvariantCulture) + " ");
    return Serve(new EchoBackend.HttpEndpoint(), options, "echo backend", null);
}

if (backends.Count == 0)
{
    Console.Error.WriteLine("Give at least one --backend <ip:port> (start one with --echo --port 9001).");
    return 2;
}

var health = new DestinationHealth(backends.Count);
DestinationGroup<HttpBackend> members = strategy switch
{
    "least-in-flight" => new LeastInFlightGroup<HttpBackend>(backends, health),
    "hash-client" => new ConsistentHashGroup<HttpBackend>(backends, backend => backend.Authority, health: health),
    _ => new RoundRobinGroup<HttpBackend>(backends, health),
};
using var group = new BackendGroup(members, key: strategy == "hash-client" ? HashKey.ClientAddress : HashKey.None);
if (healthPath is not null)
{
    group.StartHealthChecks(new ActiveHealthCheckOptions { Path = healthPath });
}

Gateway.Backends = group;
return Serve(new Gateway.HttpEndpoint(), options, $"proxy ({strategy}) to {string.Join(", ", backends)}", group);

static int Serve<TEndpoint>(TEndpoint endpoint, HttpServerOptions options, string what, BackendGroup? group)
    where TEndpoint : struct, IHttpEndpoint
{
    HttpServer<TEndpoint> server;
    try
    {
        server = HttpServer.Start(endpoint, options);
    }
    catch (HttpServerAddressInUseException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }

    Console.WriteLine($"HyperRoute {what} listening on http://{server.EndPoint} ({server.Transport}, {options.Workers} workers)");
    if (group is not null)
    {
        Console.WriteLine($"Counters: curl http://{server.EndPoint}/_proxy/stats");
    }

    using var stop = new ManualResetEventSlim();
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Set(); });
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
    stop.Wait();
    server.StopAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
    Console.WriteLine($"Stopped after {server.RequestsServed} requests.");
    if (group is not null)
    {
        Console.Write(Statistics.Describe(group));
    }

    return 0;
}
