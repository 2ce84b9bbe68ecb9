using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HyperRoute.AspNetCore;

/// <summary>
/// Serves one router inside ASP.NET Core: loads the request into a pooled <see cref="HttpExchange"/>
/// (<see cref="RequestLoader"/>), runs the generated endpoint's <c>Serve</c> (the dispatcher, binding, validators,
/// handler, result, transforms), awaits an asynchronous handler within its time limit, answers what no handler took
/// as the built-in server does (or passes it on), and copies the response out (<see cref="ResponseWriter"/>).
/// </summary>
internal sealed partial class HyperRouteMiddleware<TEndpoint>
    where TEndpoint : struct, IHttpEndpoint
{
    private const int PoolSize = 256;
    private readonly TEndpoint _endpoint;
    private readonly HyperRouteOptions _options;
    private readonly ILogger _logger;
    private readonly int _handlerTimeout;
    private readonly ConcurrentBag<HttpExchange> _pool = [];

    public HyperRouteMiddleware(TEndpoint endpoint, HyperRouteOptions options, ILogger logger)
    {
        _endpoint = endpoint;
        _options = options;
        _logger = logger;
        _handlerTimeout = options.HandlerTimeoutMilliseconds();
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var exchange = _pool.TryTake(out var pooled) ? pooled : new HttpExchange();
        var reusable = true;
        byte[]? buffer = null;
        try
        {
            (var error, buffer) = await RequestLoader.LoadAsync<TEndpoint>(context, exchange.Request, _options.Limits, keepBody: _options.PassUnmatched).ConfigureAwait(false);
            HostedExchange.Begin(exchange, new StreamedResponse(context)); // a chunked response goes out as it is flushed
            exchange.RequestServices = context.RequestServices; // [FromServices] parameters: the request's scope
            var response = exchange.Response;
            if (error != HttpError.None)
            {
                HostedExchange.WriteRejection(response, error);
            }
            else
            {
                var match = await ServeAsync(context, exchange).ConfigureAwait(false);
                TagRoute(context, exchange.Route); // the route that matched, whether its handler answered, threw or is still running
                if (match is not { } answered)
                {
                    reusable = false; // answered 504 without the handler, which may still write to it, or a stream cut
                    return;
                }
                else if (!answered.IsAnswered)
                {
                    if (_options.PassUnmatched && answered.Outcome is RouteOutcome.NotFound or RouteOutcome.MethodNotAllowed)
                    {
                        Release(ref buffer);
                        Return(exchange);
                        exchange = null;
                        RequestLoader.Rewind(context); // the next middleware reads the body from its start
                        await next(context).ConfigureAwait(false);
                        return;
                    }

                    HostedExchange.WriteRoutingProblem(response, answered, TEndpoint.ParameterName(answered));
                }
            }

            if (!context.RequestAborted.IsCancellationRequested)
            {
                await ResponseWriter.WriteAsync(context, response).ConfigureAwait(false);
            }
        }
        finally
        {
            if (reusable)
            {
                Release(ref buffer);
                if (exchange is not null)
                {
                    Return(exchange);
                }
            }
        }
    }

    // Runs the endpoint; null when there is nothing more to write: answered without its handler (time limit), which
    // still runs, or a streamed response cut.
    private async ValueTask<RouteMatch?> ServeAsync(HttpContext context, HttpExchange exchange)
    {
        using var aborted = context.RequestAborted.CanBeCanceled
            ? context.RequestAborted.UnsafeRegister(static state => HostedExchange.Abort((HttpExchange)state!), exchange)
            : default;
        try
        {
            var match = _endpoint.Serve(exchange);
            if (!match.IsPending)
            {
                return match;
            }

            var work = HostedExchange.TakePending(exchange, _handlerTimeout, out var timeout);
            if (!work.IsCompleted && timeout != Timeout.Infinite)
            {
                var task = work.AsTask();
                if (await Task.WhenAny(task, Task.Delay(timeout, context.RequestAborted)).ConfigureAwait(false) != task)
                {
                    HostedExchange.Abandon(exchange);
                    ObserveAbandoned(task, match.Route);
                    if (HostedExchange.HeadSent(exchange.Response))
                    {
                        context.Abort(); // part of the body went out: cutting the stream is the only answer left
                        return null;
                    }

                    var answer = new HttpExchange();
                    HostedExchange.Begin(answer);
                    HostedExchange.WriteProblem(answer.Response, 504, "The handler did not complete within its time limit."u8);
                    if (!context.RequestAborted.IsCancellationRequested)
                    {
                        await ResponseWriter.WriteAsync(context, answer.Response).ConfigureAwait(false);
                    }

                    return null;
                }

                await task.ConfigureAwait(false);
            }
            else
            {
                await work.ConfigureAwait(false);
            }

            return RouteMatch.Handled(match.Route);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException)
            {
                return RouteMatch.Handled(-1); // the client left and the handler stopped: nothing to answer or report
            }

            if (exception is ClientDisconnectedException)
            {
                return null; // the client left while a streamed response was being sent: nothing to answer or report
            }

            ReportHandlerError(exception, exchange.Route); // the route noted itself before any user code ran, sync or async
            if (HostedExchange.HeadSent(exchange.Response))
            {
                context.Abort(); // part of a streamed body went out: no 500 can follow it, the stream is cut
                return null;
            }

            HostedExchange.WriteServerError(exchange.Response);
            return RouteMatch.Handled(-1);
        }
    }

    // A handler answered for by a 504 still runs: a fault it ends with, other than its cancellation, is reported.
    private void ObserveAbandoned(Task task, int route) => task.ContinueWith(
        static (done, state) =>
        {
            if (done.Exception?.GetBaseException() is { } fault and not OperationCanceledException)
            {
                var (middleware, route) = ((HyperRouteMiddleware<TEndpoint>, int))state!;
                middleware.ReportHandlerError(fault, route);
            }
        },
        (this, route),
        CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default);

    private void ReportHandlerError(Exception exception, int route)
    {
        LogHandlerFailed(_logger, TEndpoint.RouteAt(route)?.Pattern ?? "an unknown route", exception);
        try
        {
            _options.OnHandlerError?.Invoke(exception);
        }
        catch (Exception)
        {
            // A failing error callback must not take the request down with it.
        }
    }

    private void Return(HttpExchange exchange)
    {
        exchange.RequestServices = null;
        if (_pool.Count < PoolSize)
        {
            _pool.Add(exchange);
        }
    }

    private static void Release(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    [LoggerMessage(EventId = 1, EventName = "HandlerFailed", Level = LogLevel.Error, Message = "The HyperRoute handler of {Route} threw; the client was answered 500.")]
    private static partial void LogHandlerFailed(ILogger logger, string route, Exception exception);
}
