using System;
using System.ComponentModel;
using System.Threading.Tasks;
using HyperRoute.Http.Server;

namespace HyperRoute.Http.Hosting;

/// <summary>
/// The seam for hosts other than the built-in server (HyperRoute.AspNetCore): another server has parsed the request
/// and owns the connection, and HyperRoute runs the generated endpoint on an <see cref="HttpExchange"/> the host
/// loaded with <see cref="HttpRequest.Load{TSlots}"/>, then copies the buffered response out. The response is
/// never framed here: the host writes the status, <see cref="HeaderLines"/> and <see cref="Body"/> its own way.
/// A chunked response (<see cref="HttpResponse.StartChunked"/>) is collected whole and handed over at the end, or,
/// for a host that streams (<see cref="IHostedResponseStream"/>), handed over at each asynchronous flush.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HostedExchange
{
    /// <summary>
    /// Readies <paramref name="exchange"/> for the request just loaded: no route matched yet (<see cref="HttpExchange.Route"/>),
    /// and its response status 200, no headers, no body, buffered.
    /// </summary>
    public static void Begin(HttpExchange exchange) => Begin(exchange, null);

    /// <summary>
    /// Readies <paramref name="exchange"/> as <see cref="Begin(HttpExchange)"/> does; a chunked response's
    /// asynchronous flushes go to <paramref name="stream"/> as they happen (<see langword="null"/>: collected).
    /// </summary>
    public static void Begin(HttpExchange exchange, IHostedResponseStream? stream)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        exchange.Route = -1;
        exchange.ResetAborted();
        IResponseTransport transport = stream is null ? BufferingTransport.Instance : new HostedStreamingTransport(exchange.Response, stream);
        exchange.Response.Reset(exchange.Request.IsHead, close: false, keepAliveHeader: false, transport: transport);
    }

    /// <summary>
    /// The head went to the host at a flush (<see cref="IHostedResponseStream"/>): the status and headers are sent,
    /// <see cref="Body"/> holds only what followed the last flush, and an error can no longer be answered.
    /// </summary>
    public static bool HeadSent(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.HeadWritten;
    }

    /// <summary>
    /// Takes the work an asynchronous handler left (<see cref="RouteMatch.IsPending"/>) with its time limit in
    /// milliseconds: the route's own, <see cref="System.Threading.Timeout.Infinite"/> for none, or
    /// <paramref name="serverDefault"/> when the route has no limit of its own.
    /// </summary>
    public static ValueTask TakePending(HttpExchange exchange, int serverDefault, out int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var work = exchange.TakePending(out var timeout);
        timeoutMilliseconds = timeout == HttpExchange.ServerTimeout ? serverDefault : timeout;
        return work;
    }

    /// <summary>
    /// Cancels <see cref="HttpExchange.RequestAborted"/> (the client left, or the handler's time limit expired) and
    /// discards whatever the handler writes from now on: the exchange must not be reused while the handler runs.
    /// </summary>
    public static void Abandon(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        exchange.Response.Abandon();
        exchange.Abort();
    }

    /// <summary>Cancels <see cref="HttpExchange.RequestAborted"/> (the client left) without abandoning the response.</summary>
    public static void Abort(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        exchange.Abort();
    }

    /// <summary>
    /// Replaces the response with the built-in server's answer for a request no handler took: 404, 405 with
    /// <c>Allow</c>, or a 400 naming <paramref name="parameter"/>, as <c>application/problem+json</c>.
    /// </summary>
    public static void WriteRoutingProblem(HttpResponse response, RouteMatch match, string? parameter)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Clear();
        RoutingProblems.Write(response, match, parameter);
        if (match.Allow != HttpMethods.None)
        {
            Span<byte> allow = stackalloc byte[64];
            Routing.MethodToken.TryFormatAllow(match.Allow, allow, out var written);
            response.SetHeader("Allow"u8, allow.Slice(0, written));
        }
    }

    /// <summary>Replaces the response with <paramref name="status"/> as <c>application/problem+json</c> saying <paramref name="detail"/>.</summary>
    public static void WriteProblem(HttpResponse response, int status, ReadOnlySpan<byte> detail)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Clear();
        ProblemJson.Write(response, status, default, detail);
    }

    /// <summary>Replaces the response with the built-in server's 500 for a handler that threw.</summary>
    public static void WriteServerError(HttpResponse response)
        => WriteProblem(response, 500, "The handler failed; the server reported the exception."u8);

    /// <summary>Replaces the response with the built-in server's answer to a request it cannot accept (<paramref name="error"/>: 400, 413, 414, 431, 501...).</summary>
    public static void WriteRejection(HttpResponse response, HttpError error)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (error == HttpError.BodyTooLarge)
        {
            WriteProblem(response, 413, "The request body is larger than the server accepts (MaxRequestBodySize)."u8);
            return;
        }

        response.Clear();
        response.StatusCode = error.StatusCode();
        response.SetContentType("text/plain; charset=utf-8"u8);
        response.Write(error.Message());
    }

    /// <summary>The headers the handler set, as <c>Name: value\r\n</c> lines in order; valid until the response changes.</summary>
    public static ReadOnlySpan<byte> HeaderLines(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.HeaderLines;
    }

    /// <summary>
    /// The <c>Content-Length</c> the response says: its body's length, or for a response passed on without its content
    /// (a proxied HEAD or 304) the length the backend stated; -1 when it says none (a 1xx, a 204, a 304 without one, a
    /// HEAD whose GET would be chunked).
    /// </summary>
    public static long ContentLength(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.HeadContentLength;
    }

    /// <summary>The whole body the handler wrote (for a chunked response: every chunk, collected).</summary>
    public static ReadOnlySpan<byte> Body(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Body;
    }

    // A hosted response is sent by the host at the end: a flush keeps the chunk in the body.
    private sealed class BufferingTransport : IResponseTransport
    {
        public static readonly BufferingTransport Instance = new();

        public bool CanSendNow => false; // no flush on every 16 KiB: the body grows until the host takes it

        public void SendNow()
        {
        }

        public ValueTask SendAsync() => default;
    }
}
