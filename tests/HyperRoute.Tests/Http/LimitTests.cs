using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>Limits and unsupported features answer their own status (414, 431, 413, 501, 505, 417, 408) and close.</summary>
public sealed class LimitTests
{
    private static readonly HttpLimits Small = new()
    {
        MaxRequestLineSize = 256,
        MaxRequestHeaderCount = 10,
        MaxRequestHeadersTotalSize = 1024,
        MaxRequestBodySize = 1000,
    };

    private static TestServer<TestEndpoint> Start(string transport) => TestServer.Start(transport, o => o with { Limits = Small });

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Request_line_over_the_limit_answers_414(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, Requests.Get("/" + new string('a', 300)), 414);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Request_line_at_the_limit_is_accepted(string transport)
    {
        await using var server = Start(transport);
        var path = "/users/" + new string('0', 256 - "GET /users/ HTTP/1.1\r\n".Length - 1) + "7";
        Assert.Equal(256, $"GET {path} HTTP/1.1\r\n".Length);
        using var client = server.Connect();

        client.Send(Requests.Get(path));

        Assert.Equal("{\"id\":7}", client.Read().BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Too_many_header_fields_answer_431(string transport)
    {
        await using var server = Start(transport);
        var headers = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            headers.Append($"X-{i}: {i}\r\n"); // with Host: 11 fields
        }

        Requests.AssertRejected(server, Requests.Get("/plaintext", headers.ToString()), 431);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Header_fields_over_the_size_limit_answer_431(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, Requests.Get("/plaintext", $"X-Big: {new string('b', 1100)}\r\n"), 431);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Header_fields_over_the_size_limit_answer_431_before_the_head_ends(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();

        client.Send("GET /plaintext HTTP/1.1\r\nHost: test\r\nX-Big: " + new string('b', 2000)); // no end of line yet

        var response = client.Read();
        Assert.Equal(431, response.Status);
        Assert.True(client.IsClosedByServer());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Header_fields_just_under_the_default_size_limit_are_accepted(string transport)
    {
        await using var server = TestServer.Start(transport); // 32 KiB: the receive buffer grows for the head
        using var client = server.Connect();

        client.Send(Requests.Get("/tenant", $"X-Big: {new string('b', 30_000)}\r\nX-Tenant: far-down\r\n"));

        Assert.Equal("far-down", client.Read().BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Flood_of_empty_lines_before_a_request_line_answers_400_instead_of_buffering_it(string transport)
    {
        await using var server = TestServer.Start(transport); // the default 8 KiB request-line limit
        using var client = server.Connect();
        var flood = new byte[64 * 1024];
        for (var i = 0; i < flood.Length; i += 2)
        {
            flood[i] = (byte)'\r';
            flood[i + 1] = (byte)'\n';
        }

        client.Send(flood);

        var response = client.Read();
        Assert.Equal(400, response.Status);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Content_length_over_the_body_limit_answers_413_without_reading_the_body(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1001\r\n\r\n", 413);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Chunked_body_growing_over_the_limit_answers_413(string transport)
    {
        await using var server = Start(transport);
        var chunk = new string('c', 600);

        Requests.AssertRejected(server, $"POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n{chunk}\r\n258\r\n{chunk}\r\n0\r\n\r\n", 413);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Body_at_the_limit_is_accepted(string transport)
    {
        await using var server = Start(transport);
        using var client = server.Connect();
        var body = new string('x', 1000);

        client.Send(Requests.Post("/echo", body));

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal(body, response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Trailer_fields_over_the_header_size_limit_answer_431(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, $"POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Big: {new string('t', 1100)}\r\n\r\n", 431);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Chunk_size_line_over_the_limit_answers_400(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { Limits = o.Limits with { MaxChunkLineSize = 64 } });

        Requests.AssertRejected(server, $"POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n3;ext={new string('e', 100)}\r\nabc\r\n0\r\n\r\n", 400);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Unknown_transfer_coding_before_chunked_answers_501(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Http_2_0_request_line_answers_505(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, "GET /plaintext HTTP/2.0\r\nHost: test\r\n\r\n", 505);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Unknown_expectation_answers_417(string transport)
    {
        await using var server = Start(transport);

        Requests.AssertRejected(server, "POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\nhi", 417);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Head_not_completed_within_the_headers_timeout_answers_408(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { RequestHeadersTimeout = TimeSpan.FromSeconds(1) });
        using var client = server.Connect();
        var clock = Stopwatch.StartNew();

        client.Send("GET /plaintext HTTP/1.1\r\nHost: te");
        var response = client.Read();

        Assert.Equal(408, response.Status);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal(1, server.Server.RequestsRejected);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Head_trickled_slower_than_the_headers_timeout_answers_408(string transport)
    {
        // Slowloris: each byte comes well within the timeout, but the head as a whole does not.
        await using var server = TestServer.Start(transport, o => o with { RequestHeadersTimeout = TimeSpan.FromSeconds(1) });
        using var client = server.Connect();
        var clock = Stopwatch.StartNew();
        var head = Encoding.ASCII.GetBytes("GET /plaintext HTTP/1.1\r\nHost: test\r\nX-Slow: ");

        var i = 0;
        while (!client.HasDataWithin(TimeSpan.FromMilliseconds(250)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), "The server let a trickled head run far past the headers timeout.");
            client.Send(i < head.Length ? head.AsSpan(i, 1) : "a"u8);
            i++;
        }

        Assert.Equal(408, client.Read().Status);
        Assert.True(client.IsClosedByServer());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }
}
