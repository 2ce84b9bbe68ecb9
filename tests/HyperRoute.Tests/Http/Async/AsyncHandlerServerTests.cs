using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http.Async;

/// <summary>
/// Asynchronous handlers on the built-in server, on both transports, with one worker: a pending handler parks its
/// connection and the worker serves everyone else; completion, faults, time limits, disconnects and shutdown each
/// end the wait with an exact outcome. Every wait is on a condition (the handlers' gate), never on time.
/// </summary>
public sealed class AsyncHandlerServerTests
{
    private static TestServer<AsyncTestEndpoint> Start(AsyncHandlerState state, string transport, Func<HttpServerOptions, HttpServerOptions>? configure = null)
        => TestServer<AsyncTestEndpoint>.Start(new AsyncTestEndpoint(state), transport, configure);

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Sixty_four_pending_handlers_leave_the_worker_free_for_other_connections(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        var waiting = Enumerable.Range(0, 64).Select(_ => server.Connect()).ToArray();
        try
        {
            for (var i = 0; i < waiting.Length; i++)
            {
                waiting[i].Send(Requests.Get($"/gate/{i}"));
            }

            await ConnectionTests.WaitUntil(() => state.Started == 64);
            using (var other = server.Connect())
            {
                for (var i = 0; i < 10; i++)
                {
                    other.Send(Requests.Plaintext);
                    Requests.AssertIsHelloWorld(other.Read()); // answered while all 64 wait
                }
            }

            Assert.Equal(0, state.Finished);
            state.Open();
            for (var i = 0; i < waiting.Length; i++)
            {
                var response = waiting[i].Read();
                Assert.Equal(200, response.Status);
                Assert.Equal($"gate {i}", response.BodyText);
                Assert.False(response.SaysClose);
            }
        }
        finally
        {
            foreach (var client in waiting)
            {
                client.Dispose();
            }
        }

        Assert.Empty(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Pipelined_requests_behind_a_pending_handler_are_answered_in_order(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/gate/1") + Requests.Plaintext + Requests.Get("/gate/2") + Requests.Get("/yield"));
        await ConnectionTests.WaitUntil(() => state.Started == 1);
        Assert.False(client.HasDataWithin(TimeSpan.FromMilliseconds(50)), "Nothing may be answered before the first handler completes.");
        state.Open();

        Assert.Equal("gate 1", client.Read().BodyText);
        Requests.AssertIsHelloWorld(client.Read());
        Assert.Equal("gate 2", client.Read().BodyText);
        Assert.Equal("yielded", client.Read().BodyText);
        Assert.Equal(4, server.Server.RequestsServed);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Many_awaiting_requests_in_a_row_on_one_connection_are_each_answered(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        using var client = server.Connect();

        for (var i = 0; i < 500; i++)
        {
            client.Send(Requests.Get(i % 2 == 0 ? "/yield" : "/sync"));
            Assert.Equal(i % 2 == 0 ? "yielded" : "sync", client.Read().BodyText);
        }

        Assert.Equal(500, server.Server.RequestsServed);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_handler_completed_on_a_foreign_thread_is_answered_by_the_connections_own_worker(string transport)
    {
        await using var server = Start(new AsyncHandlerState(), transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/foreign") + Requests.Plaintext);

        Assert.Equal("foreign", client.Read().BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_client_that_leaves_while_its_handler_waits_cancels_the_handlers_token(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        var client = server.Connect();
        client.Send(Requests.Get("/gate/1"));
        await ConnectionTests.WaitUntil(() => state.Started == 1);
        Assert.True(state.Tokens.TryPeek(out var token));
        Assert.False(token.IsCancellationRequested);

        client.Dispose();

        await ConnectionTests.WaitUntil(() => token.IsCancellationRequested);
        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 0);
        state.Open(); // the handler ends and writes into a response nobody sends
        await ConnectionTests.WaitUntil(() => state.Finished == 1);
        Assert.Empty(server.HandlerErrors);
        Assert.Equal(0, server.Server.RequestsServed); // nothing was answered

        using var next = server.Connect();
        next.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(next.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_handler_that_throws_before_its_first_await_answers_500_and_is_reported(string transport)
    {
        await using var server = Start(new AsyncHandlerState(), transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/throw-before") + Requests.Plaintext);

        AssertServerError(client.Read());
        Assert.True(client.IsClosedByServer());
        Assert.Equal("before the first await", Assert.Single(server.HandlerErrors).Message);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_handler_that_throws_after_an_await_answers_500_and_is_reported(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/throw-after") + Requests.Plaintext);
        await ConnectionTests.WaitUntil(() => state.Started == 1);
        state.Open();

        AssertServerError(client.Read());
        Assert.True(client.IsClosedByServer());
        Assert.Equal("after the await", Assert.Single(server.HandlerErrors).Message);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_handler_past_its_routes_time_limit_is_cancelled_and_answered_504_and_its_late_writes_are_dropped(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/limit") + Requests.Plaintext);

        var response = client.Read(); // the route's own 100 ms limit, the gate still closed
        Assert.Equal(504, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("""{"type":"about:blank","title":"Gateway Timeout","status":504,"detail":"The handler did not complete within its time limit."}""", response.BodyText);
        Assert.True(response.SaysClose);
        Assert.True(state.Tokens.TryPeek(out var token));
        Assert.True(token.IsCancellationRequested);
        state.Open();
        await ConnectionTests.WaitUntil(() => state.Finished == 1);
        Assert.True(client.IsClosedByServer()); // "late" never reaches the wire, nor does the pipelined request's answer
        Assert.Empty(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task The_servers_handler_timeout_applies_to_routes_without_their_own(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport, o => o with { HandlerTimeout = TimeSpan.FromMilliseconds(100) });
        using var client = server.Connect();

        client.Send(Requests.Get("/gate/1"));

        Assert.Equal(504, client.Read().Status);
        Assert.True(client.IsClosedByServer());
        state.Open();
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_time_limit_longer_than_five_seconds_is_kept_by_the_once_a_second_check(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport, o => o with { HandlerTimeout = TimeSpan.FromMilliseconds(5500) });
        using var client = server.Connect(TimeSpan.FromSeconds(15));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        client.Send(Requests.Get("/gate/1"));

        Assert.Equal(504, client.Read().Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(5400), TimeSpan.FromSeconds(8)); // within a second of the limit
        Assert.True(state.Tokens.TryPeek(out var token));
        Assert.True(token.IsCancellationRequested);
        state.Open();
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_handler_pending_at_shutdown_completes_within_the_deadline_and_its_answer_says_close(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        using var client = server.Connect();
        client.Send(Requests.Get("/gate/1"));
        await ConnectionTests.WaitUntil(() => state.Started == 1);

        var stop = server.Server.StopAsync(TimeSpan.FromSeconds(10));
        Assert.False(stop.IsCompleted);
        state.Open();

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal("gate 1", response.BodyText);
        Assert.True(response.SaysClose);
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(state.Tokens.TryPeek(out var token));
        Assert.False(token.IsCancellationRequested);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_handler_still_pending_at_the_shutdown_deadline_is_cancelled_and_answered_503(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        using var client = server.Connect();
        client.Send(Requests.Get("/gate/1"));
        await ConnectionTests.WaitUntil(() => state.Started == 1);

        await server.Server.StopAsync(TimeSpan.FromMilliseconds(200)).WaitAsync(TimeSpan.FromSeconds(10));

        var response = client.Read();
        Assert.Equal(503, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.True(response.SaysClose);
        Assert.True(state.Tokens.TryPeek(out var token));
        Assert.True(token.IsCancellationRequested);
        state.Open();
        await ConnectionTests.WaitUntil(() => state.Finished == 1);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task FlushAsync_sends_a_chunk_while_the_handler_waits_and_completes_once_it_went_out(string transport)
    {
        var state = new AsyncHandlerState();
        await using var server = Start(state, transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/stream") + Requests.Plaintext);
        await ConnectionTests.WaitUntil(() => state.Flushed);
        Assert.True(client.HasDataWithin(TimeSpan.FromSeconds(5)), "The flushed chunk should be on the wire while the handler waits.");
        using (var other = server.Connect())
        {
            other.Send(Requests.Plaintext);
            Requests.AssertIsHelloWorld(other.Read());
        }

        state.Open();
        var response = client.Read();
        Assert.True(response.WasChunked);
        Assert.Equal("ab", response.BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    private static void AssertServerError(RawResponse response)
    {
        Assert.Equal(500, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.True(response.SaysClose);
    }
}
