using System;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>A handler that throws: the client gets a 500 and a closed connection, the host gets the exception.</summary>
public sealed class HandlerErrorTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Handler_exception_answers_500_closes_and_reports_the_exception(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/throw") + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal(500, response.Status);
        Assert.True(response.SaysClose);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("""{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"The handler failed; the server reported the exception."}""", response.BodyText);
        Assert.True(client.IsClosedByServer());
        var error = Assert.Single(server.HandlerErrors);
        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal(1, server.Server.RequestsServed); // the request after it was not processed
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Handler_exception_after_chunks_went_out_cuts_the_connection_without_a_last_chunk(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/stream/100?fail") + Requests.Plaintext);

        var cut = Assert.Throws<ConnectionClosedException>(() => client.Read());
        Assert.Contains("chunked body", cut.Message);
        Assert.IsType<InvalidOperationException>(Assert.Single(server.HandlerErrors));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Server_keeps_serving_other_connections_after_a_handler_exception(string transport)
    {
        await using var server = TestServer.Start(transport);
        using (var failing = server.Connect())
        {
            failing.Send(Requests.Get("/throw"));
            Assert.Equal(500, failing.Read().Status);
        }

        using var client = server.Connect();
        client.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Failing_error_callback_does_not_take_the_connection_down(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { OnHandlerError = _ => throw new InvalidOperationException("callback") });
        using var client = server.Connect();

        client.Send(Requests.Get("/throw"));

        Assert.Equal(500, client.Read().Status);
        Assert.True(client.IsClosedByServer());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Client_leaving_during_a_streamed_response_is_not_a_handler_error(string transport)
    {
        await using var server = TestServer.Start(transport);
        using (var leaving = server.Connect())
        {
            leaving.Send(Requests.Get("/stream/2000000")); // about 26 MB, flushed every 10 lines
            Assert.True(leaving.HasDataWithin(TimeSpan.FromSeconds(5)));
            leaving.Reset(); // gone mid-stream, with a reset: the next flush fails
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (server.Server.ConnectionsOpen > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, server.Server.ConnectionsOpen);
        Assert.Empty(server.HandlerErrors);
        using var client = server.Connect();
        client.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(client.Read());
    }
}
