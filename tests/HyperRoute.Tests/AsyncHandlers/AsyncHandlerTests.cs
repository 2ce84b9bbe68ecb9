using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.AsyncHandlers;

/// <summary>
/// Generated routers with async handlers, served in-process: a handler that completes at once is served in place
/// without allocating; a pending one is finished (its result written, its response transforms run) only once its work
/// completes, which the tests control with gates, never with sleeps.
/// </summary>
public sealed class AsyncHandlerTests
{
    [Fact]
    public void A_handler_that_completes_synchronously_is_served_in_place_without_allocating()
    {
        var exchange = Load<ExchangeAsyncApi.HttpEndpoint>("GET /now/204 HTTP/1.1\r\nHost: x\r\n\r\n");
        var endpoint = new ExchangeAsyncApi.HttpEndpoint();
        var handled = Serve(endpoint, exchange, 10_000); // warm up with the measured loop

        var before = GC.GetAllocatedBytesForCurrentThread();
        handled = Serve(endpoint, exchange, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(10_000, handled);
        Assert.Equal(0, allocated);
        Assert.Equal(204, exchange.Response.StatusCode);
    }

    [Fact]
    public async Task A_pending_handler_s_result_is_written_and_its_transforms_run_only_once_it_completes()
    {
        var gate = ExchangeAsyncApi.Gate = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exchange = Load<ExchangeAsyncApi.HttpEndpoint>("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");

        var serving = new ExchangeAsyncApi.HttpEndpoint().ServeAsync(exchange);

        Assert.False(serving.IsCompleted);
        Assert.NotEqual(201, exchange.Response.StatusCode);
        Assert.True(exchange.Response.Body.IsEmpty);
        Assert.False(exchange.Response.TryGetHeader("X-Status-Seen"u8, out _));

        gate.SetResult(new Reply(201, "done"));
        var match = await serving;

        Assert.True(match.IsHandled);
        Assert.Equal(1, match.Route);
        Assert.Equal(201, exchange.Response.StatusCode);
        Assert.Equal("done", Encoding.UTF8.GetString(exchange.Response.Body));
        Assert.True(exchange.Response.TryGetHeader("X-Status-Seen"u8, out var seen));
        Assert.Equal("201", Encoding.ASCII.GetString(seen)); // the transform ran after the result was written
    }

    [Fact]
    public async Task A_handler_that_throws_after_its_await_faults_serve_async()
    {
        var gate = ExchangeAsyncApi.Gate = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exchange = Load<ExchangeAsyncApi.HttpEndpoint>("GET /fail HTTP/1.1\r\nHost: x\r\n\r\n");

        var serving = new ExchangeAsyncApi.HttpEndpoint().ServeAsync(exchange);
        Assert.False(serving.IsCompleted);
        gate.SetResult(default);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () => await serving);
        Assert.Equal("failed after its await", thrown.Message);
    }

    [Fact]
    public void Serve_returns_pending_for_a_handler_that_has_not_completed()
    {
        ExchangeAsyncApi.Gate = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exchange = Load<ExchangeAsyncApi.HttpEndpoint>("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");

        var match = new ExchangeAsyncApi.HttpEndpoint().Serve(exchange);

        Assert.True(match.IsPending);
        Assert.Equal(1, match.Route);
        ExchangeAsyncApi.Gate.SetResult(default); // let the parked work finish
    }

    [Fact]
    public async Task A_value_task_of_a_result_completed_synchronously_is_written_by_serve_async()
    {
        var exchange = Load<ExchangeAsyncApi.HttpEndpoint>("GET /now/203 HTTP/1.1\r\nHost: x\r\n\r\n");

        var serving = new ExchangeAsyncApi.HttpEndpoint().ServeAsync(exchange);

        Assert.True(serving.IsCompletedSuccessfully);
        Assert.True((await serving).IsHandled);
        Assert.Equal(203, exchange.Response.StatusCode);
    }

    [Fact]
    public async Task A_bound_cancellation_token_is_the_exchange_s_request_aborted()
    {
        var exchange = Load<ExchangeAsyncApi.HttpEndpoint>("GET /token HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.True((await new ExchangeAsyncApi.HttpEndpoint().ServeAsync(exchange)).IsHandled);

        Assert.True(ExchangeAsyncApi.SeenToken.CanBeCanceled);
        Assert.Equal(exchange.RequestAborted, ExchangeAsyncApi.SeenToken);
    }

    [Fact]
    public async Task Memory_header_and_body_stay_readable_after_the_handler_s_await()
    {
        var gate = ExchangeAsyncApi.Gate = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exchange = Load<ExchangeAsyncApi.HttpEndpoint>("POST /echo HTTP/1.1\r\nHost: x\r\nX-Name: ann\r\nContent-Length: 5\r\n\r\nhello");

        var serving = new ExchangeAsyncApi.HttpEndpoint().ServeAsync(exchange);
        Assert.False(serving.IsCompleted);
        gate.SetResult(default);

        Assert.True((await serving).IsHandled);
        Assert.Equal("ann:hello", Encoding.UTF8.GetString(exchange.Response.Body));
    }

    [Fact]
    public async Task Dispatch_async_completes_synchronously_when_the_handler_did()
    {
        var dispatching = PlainAsyncApi.DispatchAsync("GET"u8, "/now"u8, default);

        Assert.True(dispatching.IsCompletedSuccessfully);
        var (match, result) = await dispatching;
        Assert.True(match.IsHandled);
        Assert.Equal(new Reply(202, "now"), result);
    }

    [Fact]
    public async Task Dispatch_async_awaits_a_pending_handler_and_passes_it_the_cancellation_token()
    {
        var gate = PlainAsyncApi.Gate = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var dispatching = PlainAsyncApi.DispatchAsync("GET"u8, "/wait/7"u8, default, cancellation.Token);
        Assert.False(dispatching.IsCompleted);
        gate.SetResult(new Reply(200, "late"));
        var (match, result) = await dispatching;

        Assert.True(match.IsHandled);
        Assert.Equal(2, match.Route);
        Assert.Equal(new Reply(207, "late"), result); // id 7 bound, and the token (cancellable) passed on
    }

    [Fact]
    public async Task Dispatch_async_answers_404_and_synchronous_routes_as_dispatch_does()
    {
        Assert.Equal(RouteOutcome.NotFound, (await PlainAsyncApi.DispatchAsync("GET"u8, "/nowhere"u8, default)).Match.Outcome);
        var (match, result) = await PlainAsyncApi.DispatchAsync("GET"u8, "/sync"u8, default);
        Assert.True(match.IsHandled);
        Assert.Equal("sync", result.Text);
    }

    [Fact]
    public async Task A_router_without_exchange_bindings_suspends_through_its_endpoint_and_writes_the_result_on_completion()
    {
        var gate = PlainAsyncApi.Gate = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exchange = Load<PlainAsyncApi.HttpEndpoint>("GET /wait/3 HTTP/1.1\r\nHost: x\r\n\r\n");

        var serving = new PlainAsyncApi.HttpEndpoint().ServeAsync(exchange);
        Assert.False(serving.IsCompleted);
        Assert.True(exchange.Response.Body.IsEmpty);
        gate.SetResult(new Reply(200, "later"));

        Assert.True((await serving).IsHandled);
        Assert.Equal(203, exchange.Response.StatusCode);
        Assert.Equal("later", Encoding.UTF8.GetString(exchange.Response.Body)); // the token bound is RequestAborted, cancellable
    }

    [Fact]
    public void Synchronous_dispatch_waits_for_a_pending_handler()
    {
        var gate = PlainAsyncApi.Gate = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult(new Reply(200, "done"));

        var match = PlainAsyncApi.Dispatch("POST"u8, "/void"u8, default, out var result);

        Assert.True(match.IsHandled);
        Assert.Equal(default, result);
    }

    private static HttpExchange Load<TEndpoint>(string request)
        where TEndpoint : struct, IHttpEndpoint
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.ASCII.GetBytes(request);
        Assert.Equal(HttpError.None, exchange.Request.Load<TEndpoint>(bytes, 0, bytes.Length));
        return exchange;
    }

    private static int Serve(ExchangeAsyncApi.HttpEndpoint endpoint, HttpExchange exchange, int count)
    {
        var handled = 0;
        for (var i = 0; i < count; i++)
        {
            handled += endpoint.Serve(exchange).IsHandled ? 1 : 0;
        }

        return handled;
    }
}
