using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// <c>OPTIONS * HTTP/1.1</c> (RFC 9112 §3.2.4, RFC 9110 §9.3.7) asks about the server: it answers 200 with the methods it
/// serves in <c>Allow</c>, an empty body, and keeps the connection; no route runs. Any other method with <c>*</c> is 400.
/// </summary>
public sealed class AsteriskFormTests
{
    private const string ServerMethods = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE";

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Options_asterisk_answers_200_with_the_server_methods_and_keeps_the_connection(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("OPTIONS * HTTP/1.1\r\nHost: test\r\n\r\n" + Requests.Plaintext);

        var options = client.Read();
        Assert.Equal(200, options.Status);
        Assert.Equal(ServerMethods, options.Header("Allow"));
        Assert.Equal("0", options.Header("Content-Length"));
        Assert.Empty(options.Body);
        Assert.False(options.SaysClose);
        Requests.AssertIsHelloWorld(client.Read());
        Assert.Equal(2, server.Server.RequestsServed);
        Assert.Equal(0, server.Server.RequestsRejected);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Options_asterisk_in_http10_answers_200_and_closes_as_http10_does(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("OPTIONS * HTTP/1.0\r\n\r\n");

        var options = client.Read();
        Assert.Equal(200, options.Status);
        Assert.Equal(ServerMethods, options.Header("Allow"));
        Assert.True(client.IsClosedByServer());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Options_asterisk_with_a_body_is_answered_after_the_body(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("OPTIONS * HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\n\r\nabc" + Requests.Plaintext);

        Assert.Equal(200, client.Read().Status);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Options_asterisk_without_Host_in_http11_answers_400(string transport)
    {
        await using var server = TestServer.Start(transport);

        Requests.AssertRejected(server, "OPTIONS * HTTP/1.1\r\n\r\n", 400);
    }

    public static TheoryData<string, string> OtherMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var transport in Transports.Names)
        {
            foreach (var method in new[] { "GET", "HEAD", "POST", "DELETE", "TRACE", "options", "M-SEARCH", "PRI" })
            {
                data.Add(transport, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherMethods))]
    public async Task Asterisk_form_with_a_method_other_than_options_answers_400_and_closes(string transport, string method)
    {
        await using var server = TestServer.Start(transport);

        Requests.AssertRejected(server, $"{method} * HTTP/1.1\r\nHost: test\r\n\r\n", 400);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Asterisk_followed_by_more_target_answers_400_and_closes(string transport)
    {
        await using var server = TestServer.Start(transport);

        Requests.AssertRejected(server, "OPTIONS *x HTTP/1.1\r\nHost: test\r\n\r\n", 400);
    }
}
