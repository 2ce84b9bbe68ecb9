using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>What the server writes around a handler's response: framing, Date, HEAD, 404/405, streaming.</summary>
public sealed class ResponseTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Plaintext_response_has_exact_framing_and_server_headers(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Plaintext);

        var response = client.Read();
        Requests.AssertIsHelloWorld(response);
        Assert.Equal("OK", response.Reason);
        Assert.Equal(["Content-Length", "Content-Type", "Date", "Server"], response.Headers.Select(h => h.Key).ToArray());
        Assert.Equal("HyperRoute", response.Header("Server"));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Date_header_is_a_current_imf_fixdate(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Plaintext);

        var date = client.Read().Header("Date")!;
        Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$", date);
        var parsed = DateTime.ParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(parsed, DateTime.UtcNow.AddSeconds(-10), DateTime.UtcNow.AddSeconds(10));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Head_response_has_the_get_headers_and_no_body(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("HEAD /plaintext HTTP/1.1\r\nHost: test\r\n\r\n" + Requests.Plaintext);

        var head = client.Read(head: true);
        Assert.Equal(200, head.Status);
        Assert.Equal("13", head.Header("Content-Length"));
        Assert.Equal("text/plain", head.Header("Content-Type"));
        Requests.AssertIsHelloWorld(client.Read()); // the next bytes are the next response: the HEAD sent no body
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Not_found_answers_404_and_keeps_the_connection(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/nowhere") + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal(404, response.Status);
        Assert.Null(response.Header("Connection"));
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Contains("\"status\":404", response.BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Wrong_method_answers_405_with_allow_and_keeps_the_connection(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Post("/plaintext", "x") + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal(405, response.Status);
        Assert.Equal("GET, HEAD", response.Header("Allow"));
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Null(response.Header("Connection"));
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Route_value_that_does_not_bind_answers_400_and_keeps_the_connection(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/users/abc") + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal(400, response.Status);
        Assert.Null(response.Header("Connection"));
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Bound_header_reaches_the_handler(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/tenant", "x-tenant:   acme  \r\n") + Requests.Get("/tenant"));

        Assert.Equal("acme", client.Read().BodyText);
        Assert.Equal("none", client.Read().BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Streamed_chunked_response_of_many_kilobytes_parses_correctly(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();
        const int Lines = 20_000; // about 200 KB, flushed every 10 lines and every 16 KiB

        client.Send(Requests.Get($"/stream/{Lines}") + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.True(response.WasChunked);
        Assert.Null(response.Header("Content-Length"));
        var expected = string.Concat(Enumerable.Range(0, Lines).Select(i => $"line {i}\n"));
        Assert.Equal(expected.Length, response.Body.Length);
        Assert.Equal(expected, response.BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Head_of_a_streamed_response_has_no_body(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("HEAD /stream/100 HTTP/1.1\r\nHost: test\r\n\r\n" + Requests.Plaintext);

        var head = client.Read(head: true);
        Assert.Equal(200, head.Status);
        Assert.Equal("chunked", head.Header("Transfer-Encoding"));
        Requests.AssertIsHelloWorld(client.Read());
    }
}
