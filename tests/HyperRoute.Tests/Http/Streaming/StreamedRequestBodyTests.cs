using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http.Streaming;

/// <summary>
/// Request bodies streamed to the handler (<see cref="IHttpEndpoint.StreamsRequestBody"/>, read with
/// <see cref="HttpRequest.ReadBodyAsync"/>) on both transports. A request sent with <c>Expect: 100-continue</c> makes
/// the streaming observable: the handler runs on the head alone, and the 100 goes out when it first reads, so every
/// byte of the body the test sends afterwards is received while the handler reads.
/// </summary>
public sealed class StreamedRequestBodyTests
{
    private static TestServer<StreamedBodyEndpoint> Start(string transport, Func<HttpServerOptions, HttpServerOptions>? configure = null)
    {
        StreamedBodyEndpoint.ReadFailures.Clear();
        return TestServer<StreamedBodyEndpoint>.Start(default, transport, configure);
    }

    private static byte[] Body(int length)
    {
        var body = new byte[length];
        new Random(length).NextBytes(body);
        return body;
    }

    // The head, then the body once the handler asked for it (the 100 Continue proves it runs before the body is here).
    private static void SendAfterContinue(RawHttpClient client, string head, ReadOnlySpan<byte> body)
    {
        client.Send(head + "Expect: 100-continue\r\n\r\n");
        Assert.Equal(100, client.Read().Status);
        client.Send(body);
    }

    private static byte[] Chunked(byte[] body, int chunkSize, string lastChunk = "0\r\n\r\n")
    {
        var wire = new System.IO.MemoryStream();
        for (var i = 0; i < body.Length; i += chunkSize)
        {
            var size = Math.Min(chunkSize, body.Length - i);
            wire.Write(Encoding.ASCII.GetBytes($"{size:x};piece={i}\r\n"));
            wire.Write(body, i, size);
            wire.Write("\r\n"u8);
        }

        wire.Write(Encoding.ASCII.GetBytes(lastChunk));
        return wire.ToArray();
    }

    private static async Task WaitForReadFailure<TException>()
        where TException : Exception
        => await ConnectionTests.WaitUntil(() => StreamedBodyEndpoint.ReadFailures.Any(e => e is TException));

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_Content_Length_body_is_read_by_the_handler_as_it_arrives(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();
        var body = Body(3_000_000);

        SendAfterContinue(client, $"POST /sum HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\n", body);

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal(StreamedBodyEndpoint.Summary(streamed: true, body), response.BodyText);
        Assert.False(response.SaysClose);
        Assert.Empty(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_chunked_body_is_de_chunked_for_the_handler_with_its_extensions_and_trailers_dropped(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();
        var body = Body(700_001);

        SendAfterContinue(client, "POST /sum HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n", Chunked(body, 4093, "0\r\nX-Trailer: t\r\n\r\n"));

        var response = client.Read();
        Assert.Equal(StreamedBodyEndpoint.Summary(streamed: true, body), response.BodyText);
        Assert.False(response.SaysClose);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task The_next_pipelined_request_after_a_streamed_body_is_served(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();
        var fixedBody = Body(100_000);
        var chunkedBody = Body(50_000);

        client.Send($"POST /sum HTTP/1.1\r\nHost: test\r\nContent-Length: {fixedBody.Length}\r\nExpect: 100-continue\r\n\r\n");
        Assert.Equal(100, client.Read().Status);
        client.Send([.. fixedBody, .. "POST /sum HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"u8, .. Chunked(chunkedBody, 10_000), .. "GET /after HTTP/1.1\r\nHost: test\r\n\r\n"u8]);

        Assert.Equal(StreamedBodyEndpoint.Summary(streamed: true, fixedBody), client.Read().BodyText);
        Assert.EndsWith(StreamedBodyEndpoint.Summary(streamed: true, chunkedBody).Split(':', 2)[1], client.Read().BodyText);
        Assert.Equal("/after", client.Read().BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_route_that_does_not_stream_gets_its_body_buffered(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();
        var body = Body(200_000);

        SendAfterContinue(client, $"POST /buffered HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\n", body);

        Assert.Equal($"buffered:{body.Length}", client.Read().BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_small_body_that_arrived_with_its_head_reads_the_same_through_ReadBodyAsync(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();

        client.Send("POST /sum HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello");

        Assert.EndsWith(StreamedBodyEndpoint.Summary(streamed: false, "hello"u8).Split(':', 2)[1], client.Read().BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_handler_that_leaves_the_body_unread_is_answered_and_the_connection_closed(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();

        client.Send("POST /ignore HTTP/1.1\r\nHost: test\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n");

        var response = client.Read(); // no 100: the handler never asked for the body
        Assert.Equal(200, response.Status);
        Assert.Equal("ignored", response.BodyText);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_malformed_chunk_in_the_middle_of_the_body_is_answered_400_and_fails_the_handlers_read(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();

        SendAfterContinue(client, "POST /sum HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n", [.. Chunked(Body(5000), 1000, ""), .. "zz\r\n"u8]);

        var response = client.Read();
        Assert.Equal(400, response.Status);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
        await WaitForReadFailure<RequestBodyException>();
        Assert.Equal(400, StreamedBodyEndpoint.ReadFailures.OfType<RequestBodyException>().Single().StatusCode);
        Assert.Empty(server.HandlerErrors); // answered by the server: not a handler fault
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_chunked_body_past_MaxRequestBodySize_is_answered_413(string transport)
    {
        await using var server = Start(transport, o => o with { Limits = new HttpLimits { MaxRequestBodySize = 10_000 } });
        using var client = server.Connect();

        SendAfterContinue(client, "POST /sum HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n", Chunked(Body(20_000), 3000));

        var response = client.Read();
        Assert.Equal(413, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        await WaitForReadFailure<RequestBodyException>();
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_client_that_leaves_in_the_middle_of_the_body_fails_the_handlers_read(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();

        SendAfterContinue(client, "POST /sum HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n", Body(40_000));
        client.Dispose();

        await WaitForReadFailure<ClientDisconnectedException>();
        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 0);
        Assert.Empty(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_body_that_stops_arriving_is_answered_408_after_the_body_timeout(string transport)
    {
        await using var server = Start(transport, o => o with { RequestBodyTimeout = TimeSpan.FromSeconds(1) });
        using var client = server.Connect(timeout: TimeSpan.FromSeconds(10));

        SendAfterContinue(client, "POST /sum HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n", Body(40_000));

        var response = client.Read();
        Assert.Equal(408, response.Status);
        Assert.True(client.IsClosedByServer());
        await WaitForReadFailure<RequestBodyException>();
        Assert.Equal(408, StreamedBodyEndpoint.ReadFailures.OfType<RequestBodyException>().Single().StatusCode);
    }
}
