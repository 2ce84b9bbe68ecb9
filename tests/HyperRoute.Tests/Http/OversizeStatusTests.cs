using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// Oversize input gets the status of what it is: a method longer than any the server accepts and a chunk size that
/// overflows are malformed (400, RFC 9112 §3 and §7.1), a request line over its limit is 414 (RFC 9112 §3), a body
/// over its limit is 413 (RFC 9110 §15.5.14). Each closes the connection.
/// </summary>
public sealed class OversizeStatusTests
{
    private static readonly HttpLimits Small = new() { MaxRequestLineSize = 256, MaxRequestBodySize = 1000 };

    private static TestServer<TestEndpoint> Start(string transport) => TestServer.Start(transport, o => o with { Limits = Small });

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Method_longer_than_any_accepted_answers_400_not_414(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, new string('A', HttpLimits.MaxMethodLength + 1) + " /plaintext HTTP/1.1\r\nHost: test\r\n\r\n", 400);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Method_past_the_request_line_limit_answers_400_not_414(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, new string('A', 10_000), 400);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Method_of_the_longest_accepted_length_reaches_the_router(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();

        client.Send(new string('A', HttpLimits.MaxMethodLength) + " /plaintext HTTP/1.1\r\nHost: test\r\n\r\n" + Requests.Plaintext);

        Assert.Equal(405, client.Read().Status);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Target_past_the_request_line_limit_still_answers_414(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, Requests.Get("/" + new string('a', 300)), 414);
    }

    [Theory]
    [InlineData("epoll", "10000000000000000")]
    [InlineData("sockets", "10000000000000000")]
    [InlineData("epoll", "ffffffffffffffffffffffff")]
    [InlineData("sockets", "ffffffffffffffffffffffff")]
    public async Task Chunk_size_that_overflows_answers_400_not_413(string transport, string size)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, $"POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n{size}\r\nabc\r\n0\r\n\r\n", 400);
    }

    [Theory]
    [InlineData("epoll", "7fffffffffffffff")]
    [InlineData("sockets", "7fffffffffffffff")]
    [InlineData("epoll", "3e9")]
    [InlineData("sockets", "3e9")]
    [InlineData("epoll", "0000000000000000000003e9")]
    [InlineData("sockets", "0000000000000000000003e9")]
    public async Task Chunk_size_over_the_body_limit_answers_413(string transport, string size)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, $"POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n{size}\r\nabc\r\n0\r\n\r\n", 413);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Content_length_over_the_body_limit_answers_413(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1001\r\n\r\n", 413);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Content_length_that_overflows_answers_400(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 99999999999999999999\r\n\r\n", 400);
    }
}
