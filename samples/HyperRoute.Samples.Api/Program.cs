using System;
using System.Buffers;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using HyperRoute;
using HyperRoute.Samples.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project samples/HyperRoute.Samples.Api -- [--port 8080] [--address 127.0.0.1]
var port = 8080;
var address = IPAddress.Loopback;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p is > 0 and < 65536:
            port = p;
            i++;
            break;
        case "--address" when i + 1 < args.Length && IPAddress.TryParse(args[i + 1], out var a):
            address = a;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'. Usage: --port <1-65535> --address <ip>");
            return 2;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
var app = builder.Build();

// The whole app is one terminal middleware: bytes in, the generated dispatcher decides.
app.Run(context => Serve(context));

Console.WriteLine($"HyperRoute sample listening on http://{address}:{port}");
Console.WriteLine("Routes:");
foreach (var pattern in ShopApi.RoutePatterns)
{
    Console.WriteLine("  " + pattern);
}

Console.WriteLine($"Try: curl -i http://{address}:{port}/users/42");
await app.RunAsync();
return 0;

static Task Serve(HttpContext context)
{
    var request = context.Request;
    // The raw request target, as sent: the dispatcher does its own percent-decoding (Request.Path is decoded already).
    var pathAndQuery = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value + request.QueryString.Value;
    var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(pathAndQuery.Length) + 16);
    Reply reply;
    RouteMatch match;
    try
    {
        var method = Encoding.ASCII.GetBytes(request.Method, bytes.AsSpan());
        var target = bytes.AsSpan(method, Encoding.UTF8.GetBytes(pathAndQuery, bytes.AsSpan(method)));
        var question = target.IndexOf((byte)'?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? default : target[(question + 1)..];
        match = ShopApi.Dispatch(bytes.AsSpan(0, method), path, query, out reply);
    }
    finally
    {
        ArrayPool<byte>.Shared.Return(bytes);
    }

    var response = context.Response;
    if (!match.IsHandled)
    {
        response.StatusCode = match.StatusCode;
        if (match.Outcome == RouteOutcome.MethodNotAllowed)
        {
            response.Headers.Allow = HyperRoute.Routing.MethodToken.FormatAllow(match.Allow);
        }

        return response.WriteAsync(match.ToString() + "\n");
    }

    response.StatusCode = reply.StatusCode;
    if (reply.ContentType is not null)
    {
        response.ContentType = reply.ContentType;
    }

    response.ContentLength = reply.Body.Length;
    return Microsoft.AspNetCore.Http.HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(reply.Body).AsTask();
}
