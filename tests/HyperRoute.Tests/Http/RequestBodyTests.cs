using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>Request bodies: Content-Length, chunked (extensions, trailers, split anywhere), Expect: 100-continue.</summary>
public sealed class RequestBodyTests
{
    private const string ChunkedHead = "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";

    // "Hello, chunked world!" in three chunks (5 + 9 + 7 bytes), with extensions (token, quoted string with
    // an escaped quote and a semicolon, bare name, whitespace around ';') and two trailer fields.
    private const string ChunkedBody =
        "5;name=value\r\nHello\r\n"
        + "9 ; quoted=\"a;b\\\"c\" ; flag\r\n, chunked\r\n"
        + "7\r\n world!\r\n"
        + "0;last\r\nX-Trailer: one\r\nX-Checksum: 42\r\n\r\n";

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Content_length_body_is_echoed(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();
        var body = new string('z', 100_000); // larger than the initial receive buffer

        client.Send(Requests.Post("/echo", body) + Requests.Plaintext);

        Assert.Equal(body, client.Read().BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Chunked_body_with_extensions_and_trailers_is_dechunked(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(ChunkedHead + ChunkedBody + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal("Hello, chunked world!", response.BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Chunked_body_split_into_many_small_writes_is_dechunked(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        await client.SendInPiecesAsync(ChunkedHead + ChunkedBody + Requests.Plaintext, 3, TimeSpan.FromMilliseconds(1));

        Assert.Equal("Hello, chunked world!", client.Read().BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Large_chunked_body_in_many_chunks_is_dechunked(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();
        var random = new Random(7);
        var expected = new StringBuilder();
        var wire = new StringBuilder(ChunkedHead);
        while (expected.Length < 200_000)
        {
            var chunk = new string((char)('a' + random.Next(26)), random.Next(1, 5000));
            expected.Append(chunk);
            wire.Append($"{chunk.Length:X}\r\n{chunk}\r\n");
        }

        wire.Append("0\r\n\r\n");
        client.Send(wire.ToString() + Requests.Plaintext);

        Assert.Equal(expected.ToString(), client.Read().BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Expect_100_continue_gets_an_interim_response_before_the_body_is_sent(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 7\r\n\r\n");
        var interim = client.Read();
        Assert.Equal(100, interim.Status);
        Assert.Equal("Continue", interim.Reason);
        Assert.Empty(interim.Headers);
        client.Send("payload");

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal("payload", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Expect_100_continue_with_the_body_already_sent_gets_only_the_final_response(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 7\r\n\r\npayload");

        var response = client.ReadFinal(out List<RawResponse> interim);
        Assert.Empty(interim);
        Assert.Equal("payload", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Expect_100_continue_on_a_chunked_body_gets_an_interim_response(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n");
        Assert.Equal(100, client.Read().Status);
        client.Send("3\r\nabc\r\n0\r\n\r\n");

        Assert.Equal("abc", client.Read().BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Empty_chunked_body_is_served_with_an_empty_body(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(ChunkedHead + "0\r\n\r\n" + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Empty(response.Body);
        Requests.AssertIsHelloWorld(client.Read());
    }
}
