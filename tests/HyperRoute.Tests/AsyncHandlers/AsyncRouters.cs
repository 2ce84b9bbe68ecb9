using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;

namespace HyperRoute.Tests.AsyncHandlers;

/// <summary>A status and, when there is one, a text body.</summary>
public readonly record struct Reply(int Status, string? Text) : IHttpResult
{
    public void WriteTo(HttpResponse response)
    {
        response.StatusCode = Status;
        if (Text is not null)
        {
            response.Text(Encoding.UTF8.GetBytes(Text));
        }
    }
}

/// <summary>Records the status the response had when it ran: the proof that it ran after the result was written.</summary>
[Transform]
public partial struct StampStatus : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response)
        => response.SetHeader("X-Status-Seen"u8, Encoding.ASCII.GetBytes(response.StatusCode.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>
/// Async handlers served through the exchange (they bind headers, the body and the response, and have a response
/// transform). Each test that waits sets its own gate before serving; the tests of one class run one at a time.
/// </summary>
[Router]
public static partial class ExchangeAsyncApi
{
    public static TaskCompletionSource<Reply>? Gate;

    public static CancellationToken SeenToken;

    [Route("GET /now/{id:int}")]
    public static ValueTask<Reply> Now(int id) => new(new Reply(id, null));

    [Route("GET /wait")]
    [Transform<StampStatus>]
    public static async ValueTask<Reply> Wait() => await Gate!.Task.ConfigureAwait(false);

    [Route("GET /fail")]
    public static async ValueTask<Reply> Fail()
    {
        await Gate!.Task.ConfigureAwait(false);
        throw new InvalidOperationException("failed after its await");
    }

    [Route("GET /token")]
    public static ValueTask<Reply> Token(CancellationToken cancellationToken)
    {
        SeenToken = cancellationToken;
        return new(new Reply(200, null));
    }

    [Route("POST /echo")]
    public static async Task Echo([Header("X-Name")] ReadOnlyMemory<byte> name, [Body] ReadOnlyMemory<byte> body, HttpResponse response)
    {
        await Gate!.Task.ConfigureAwait(false);
        response.Write(name.Span);
        response.Write(":"u8);
        response.Write(body.Span);
    }
}

/// <summary>Async handlers in a router that needs no exchange: served by <c>DispatchAsync</c>, and by <c>Serve</c> through the pending slot.</summary>
[Router]
public static partial class PlainAsyncApi
{
    public static TaskCompletionSource<Reply>? Gate;

    [Route("GET /sync")]
    public static Reply Sync() => new(200, "sync");

    [Route("GET /now")]
    public static ValueTask<Reply> Now() => new(new Reply(202, "now"));

    [Route("GET /wait/{id:int}")]
    [HandlerTimeout(60_000)]
    public static async ValueTask<Reply> Wait(int id, CancellationToken cancellationToken)
    {
        // The status says which id was bound; the text is kept only when a cancellable token was bound.
        var reply = await Gate!.Task.ConfigureAwait(false);
        return new Reply(reply.Status + id, cancellationToken.CanBeCanceled ? reply.Text : null);
    }

    [Route("POST /void")]
    public static async ValueTask Void()
    {
        await Gate!.Task.ConfigureAwait(false);
    }
}
