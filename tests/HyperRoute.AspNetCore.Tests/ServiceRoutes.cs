using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>A scoped service: each instance numbers itself, so a test can tell scopes apart.</summary>
public sealed class RequestCounter
{
    private static int s_created;

    public int Id { get; } = Interlocked.Increment(ref s_created);
}

/// <summary>A service the tests replace or key.</summary>
public interface IGreeter
{
    string Greet();
}

public sealed class PlainGreeter : IGreeter
{
    public string Greet() => "hello";
}

public sealed class LoudGreeter : IGreeter
{
    public string Greet() => "HELLO";
}

/// <summary>A service nobody registers.</summary>
public interface IUnregistered
{
}

/// <summary>Handlers with service parameters, resolved from the request's services by generated code.</summary>
[Router]
public static partial class ServiceRoutes
{
    [Route("GET /scoped")]
    public static void Scoped([FromServices] RequestCounter first, [FromServices] RequestCounter second, HttpResponse response)
    {
        // "{first}/{second}": the two parameters' instances, by number.
        var text = response.GetSpan(24);
        System.Buffers.Text.Utf8Formatter.TryFormat(first.Id, text, out var written);
        text[written++] = (byte)'/';
        System.Buffers.Text.Utf8Formatter.TryFormat(second.Id, text.Slice(written), out var more);
        response.Advance(written + more);
    }

    [Route("GET /greet")]
    public static async ValueTask<string> Greet([FromServices] IGreeter greeter)
    {
        await Task.Yield();
        return greeter.Greet();
    }

    [Route("GET /greet/loud")]
    public static string GreetLoud([FromKeyedServices("loud")] IGreeter greeter) => greeter.Greet();

    [Route("GET /unregistered")]
    public static string Unregistered([FromServices] IUnregistered service) => "unreachable";

    [Route("GET /plain")]
    public static string Plain() => "no services";
}
