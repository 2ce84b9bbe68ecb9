using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using HyperRoute.Tests.Http.Streaming;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// Request bodies streamed through the proxy to a real backend in this process (<see cref="StreamingBackend"/>, which
/// reads bodies as they arrive and keeps none): the backend receives each piece before the client sends the next, so
/// no body is ever held whole; the framing the backend sees is the proxy's own (<c>Content-Length</c> from the parsed
/// length, or chunked re-chunked by the proxy), exactly one per request; and a body that ends badly on the client's
/// side ends the backend's connection rather than reaching it as a shorter request.
/// </summary>
public sealed class ProxyRequestBodyStreamingTests
{
    internal const int Piece = 1 << 20;

    internal static TestServer<StreamingProxyTestEndpoint> Start(StreamingBackend backend, string transport, long maxBody = 30_000_000)
        => TestServer<StreamingProxyTestEndpoint>.Start(
            new StreamingProxyTestEndpoint(new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]))),
            transport,
            o => o with { Limits = new HttpLimits { MaxRequestBodySize = maxBody } });

    internal static byte[] Body(int length)
    {
        var body = new byte[length];
        new Random(length).NextBytes(body);
        return body;
    }

    internal static string Summary(ReadOnlySpan<byte> body) => $"{body.Length}:{StreamedBodyEndpoint.Hash(StreamedBodyEndpoint.HashSeed, body):x16}";

    internal static byte[] Chunk(ReadOnlySpan<byte> data) => [.. Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), .. data, .. "\r\n"u8];

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_chunked_body_with_extensions_and_trailers_is_re_chunked_by_the_proxy(string transport)
    {
        using var backend = new StreamingBackend();
        await using var server = Start(backend, transport);
        using var client = server.Connect();
        var body = Body(300_000);

        client.Send("PUT /chunks HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (var i = 0; i < body.Length; i += 7000)
        {
            var size = Math.Min(7000, body.Length - i);
            client.Send([.. Encoding.ASCII.GetBytes($"{size:x} ; ext=\"v\"\r\n"), .. body.AsSpan(i, size), .. "\r\n"u8]);
        }

        client.Send("0\r\nX-Checksum: 1\r\n\r\n");

        Assert.Equal(Summary(body), client.Read().BodyText);
        var seen = Assert.Single(backend.Requests);
        Assert.Equal("Transfer-Encoding: chunked", seen.Framing);
        Assert.Null(seen.Header("X-Checksum"));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task The_next_pipelined_request_after_a_streamed_body_is_forwarded_on_the_same_backend_connection(string transport)
    {
        using var backend = new StreamingBackend();
        await using var server = Start(backend, transport);
        using var client = server.Connect();
        var body = Body(200_000);

        client.Send($"POST /first HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\nExpect: 100-continue\r\n\r\n");
        Assert.Equal(100, client.Read().Status); // asked for when the proxy started reading the body for the backend
        client.Send([.. body, .. "GET /second HTTP/1.1\r\nHost: test\r\n\r\n"u8]);

        Assert.Equal(Summary(body), client.Read().BodyText);
        Assert.Equal("0:" + StreamedBodyEndpoint.HashSeed.ToString("x16"), client.Read().BodyText);
        Assert.Equal(["POST /first HTTP/1.1", "GET /second HTTP/1.1"], backend.Requests.Select(r => r.Head.Split("\r\n")[0]));
        Assert.Null(backend.Requests.First().Header("Expect")); // the server answered it; the backend is sent the body
        Assert.Equal(1, backend.Connections);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_client_that_leaves_in_the_middle_of_the_body_gets_the_backend_connection_closed(string transport)
    {
        using var backend = new StreamingBackend();
        await using var server = Start(backend, transport);
        using var client = server.Connect();

        client.Send($"POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 1000000\r\n\r\n");
        client.Send(Body(300_000));
        await ConnectionTests.WaitUntil(() => backend.BodyBytes == 300_000);
        client.Dispose();

        await ConnectionTests.WaitUntil(() => backend.Truncated == 1); // not completed into a shorter request: dropped
        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 0);
        Assert.Empty(backend.Requests);
        Assert.Empty(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_malformed_chunk_in_the_middle_of_the_body_is_answered_400_and_the_backend_connection_closed(string transport)
    {
        using var backend = new StreamingBackend();
        await using var server = Start(backend, transport);
        using var client = server.Connect();
        var first = Body(100_000);

        client.Send("POST /upload HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n");
        client.Send(Chunk(first));
        await ConnectionTests.WaitUntil(() => backend.BodyBytes == first.Length);
        client.Send("5\r\nabcdeXX");

        var response = client.Read();
        Assert.Equal(400, response.Status);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
        await ConnectionTests.WaitUntil(() => backend.Truncated == 1);
        Assert.Empty(backend.Requests);
        Assert.Equal(0, backend.Ambiguous);
        Assert.Empty(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_backend_that_closes_while_the_body_streams_is_answered_502_and_not_retried(string transport)
    {
        using var closer = new ScriptedBackend(_ => BackendReply.Raw("", closeAfter: true));
        using var other = new StreamingBackend();
        var group = new BackendGroup(new FailoverGroup<HttpBackend>([new HttpBackend(closer.EndPoint), new HttpBackend(other.EndPoint)]));
        await using var server = TestServer<StreamingProxyTestEndpoint>.Start(new StreamingProxyTestEndpoint(group), transport);
        using var client = server.Connect();

        client.Send("PUT /idempotent HTTP/1.1\r\nHost: test\r\nContent-Length: 2000000\r\n\r\n"); // the scripted backend reads no body: it closes at the head
        client.Send(Body(2_000_000));

        var response = client.Read();
        Assert.Equal(502, response.Status);
        Assert.Equal(0, other.Connections); // its body had started going out: a PUT is not retried on another backend
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_kept_alive_connection_that_dies_after_the_body_started_is_not_retried(string transport)
    {
        using var backend = new StreamingBackend(cutAfter: 100_000);
        await using var server = Start(backend, transport);
        using var client = server.Connect();
        client.Send(Requests.Get("/warm"));
        Assert.Equal(200, client.Read().Status); // the connection is pooled: the next request reuses it

        client.Send("PUT /idempotent HTTP/1.1\r\nHost: test\r\nContent-Length: 1000000\r\n\r\n");
        client.Send(Body(1_000_000));

        // A dead reused connection is normally retried once for an idempotent request; not once part of a streamed
        // body was taken from the client, which could not be sent again.
        Assert.Equal(502, client.Read().Status);
        Assert.Equal(1, backend.Connections);
        Assert.Equal(1, backend.Truncated);
        Assert.Equal(["GET /warm HTTP/1.1"], backend.Requests.Select(r => r.Head.Split("\r\n")[0]));
    }

    [Fact]
    public async Task A_generated_router_streams_the_bodies_its_hook_names_and_buffers_the_others()
    {
        using var backend = new StreamingBackend();
        StreamingGatewayApi.Backends = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]));
        await using var server = TestServer<StreamingGatewayApi.HttpEndpoint>.Start(default, "epoll");
        using var client = server.Connect();
        var body = Body(4 * Piece);

        client.Send($"PUT /files/a.bin HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\n\r\n");
        for (var i = 0; i < 4; i++)
        {
            client.Send(body.AsSpan(i * Piece, Piece));
            var sent = (long)(i + 1) * Piece;
            await ConnectionTests.WaitUntil(() => backend.BodyBytes == sent); // streamed: each piece is there before the next is sent
        }

        Assert.Equal(Summary(body), client.Read().BodyText);
        Assert.Equal("PUT /a.bin HTTP/1.1", Assert.Single(backend.Requests).Head.Split("\r\n")[0]);

        client.Send("POST /local HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n");
        Assert.Equal(100, client.Read().Status); // sent by the server for a buffered body, before any handler runs
        client.Send(Body(100_000));
        var local = client.Read();
        Assert.True(local.Status == 200, local.BodyText);
        Assert.Equal("100000", local.BodyText);
    }
}
