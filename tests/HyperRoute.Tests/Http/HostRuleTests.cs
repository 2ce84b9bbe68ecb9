using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// <c>Host</c> must be <c>uri-host [ ":" port ]</c> (RFC 9110 §7.2, RFC 9112 §3.2): anything else is answered 400 and
/// the connection closed. An absolute-form target's authority overrides <c>Host</c> (RFC 9112 §3.2.2).
/// </summary>
public sealed class HostRuleTests
{
    public static TheoryData<string, string, string> InvalidHosts()
    {
        var cases = new (string Name, string Request)[]
        {
            ("empty Host", "GET /plaintext HTTP/1.1\r\nHost:\r\n\r\n"),
            ("Host of whitespace", "GET /plaintext HTTP/1.1\r\nHost:  \t \r\n\r\n"),
            ("userinfo", "GET /plaintext HTTP/1.1\r\nHost: user@test\r\n\r\n"),
            ("userinfo with a password", "GET /plaintext HTTP/1.1\r\nHost: user:secret@test:80\r\n\r\n"),
            ("a path", "GET /plaintext HTTP/1.1\r\nHost: test/plaintext\r\n\r\n"),
            ("a query", "GET /plaintext HTTP/1.1\r\nHost: test?x=1\r\n\r\n"),
            ("a scheme", "GET /plaintext HTTP/1.1\r\nHost: http://test\r\n\r\n"),
            ("two hosts in a list", "GET /plaintext HTTP/1.1\r\nHost: a, b\r\n\r\n"),
            ("two hosts joined by a comma", "GET /plaintext HTTP/1.1\r\nHost: a,b\r\n\r\n"),
            ("two hosts separated by a space", "GET /plaintext HTTP/1.1\r\nHost: a b\r\n\r\n"),
            ("a port that is not digits", "GET /plaintext HTTP/1.1\r\nHost: test:http\r\n\r\n"),
            ("a signed port", "GET /plaintext HTTP/1.1\r\nHost: test:+80\r\n\r\n"),
            ("a port over 65535", "GET /plaintext HTTP/1.1\r\nHost: test:65536\r\n\r\n"),
            ("a port far over 65535", "GET /plaintext HTTP/1.1\r\nHost: test:99999999999999999999\r\n\r\n"),
            ("two ports", "GET /plaintext HTTP/1.1\r\nHost: test:80:81\r\n\r\n"),
            ("a port without a host", "GET /plaintext HTTP/1.1\r\nHost: :80\r\n\r\n"),
            ("an unbracketed IPv6 address", "GET /plaintext HTTP/1.1\r\nHost: ::1\r\n\r\n"),
            ("an unclosed IPv6 literal", "GET /plaintext HTTP/1.1\r\nHost: [::1\r\n\r\n"),
            ("an empty IP literal", "GET /plaintext HTTP/1.1\r\nHost: []\r\n\r\n"),
            ("an IPv6 literal with nine groups", "GET /plaintext HTTP/1.1\r\nHost: [1:2:3:4:5:6:7:8:9]\r\n\r\n"),
            ("an IPv6 literal with two elisions", "GET /plaintext HTTP/1.1\r\nHost: [1::2::3]\r\n\r\n"),
            ("an IPv6 literal with a zone", "GET /plaintext HTTP/1.1\r\nHost: [fe80::1%25eth0]\r\n\r\n"),
            ("an IPv6 literal followed by a name", "GET /plaintext HTTP/1.1\r\nHost: [::1]test\r\n\r\n"),
            ("a bad percent-escape", "GET /plaintext HTTP/1.1\r\nHost: te%zzst\r\n\r\n"),
            ("a raw UTF-8 byte", "GET /plaintext HTTP/1.1\r\nHost: t\u00e9st\r\n\r\n"),
            ("invalid Host in HTTP/1.0", "GET /plaintext HTTP/1.0\r\nHost: a@b\r\n\r\n"),
            ("absolute form with userinfo", "GET http://user@test/plaintext HTTP/1.1\r\nHost: test\r\n\r\n"),
            ("absolute form with an empty authority", "GET http:///plaintext HTTP/1.1\r\nHost: test\r\n\r\n"),
            ("absolute form with a bad port", "GET http://test:99999/plaintext HTTP/1.1\r\nHost: test\r\n\r\n"),
            ("absolute form without Host", "GET http://test/plaintext HTTP/1.1\r\n\r\n"),
            ("absolute form with an invalid Host", "GET http://test/plaintext HTTP/1.1\r\nHost: a b\r\n\r\n"),
        };

        var data = new TheoryData<string, string, string>();
        foreach (var transport in Transports.Names)
        {
            foreach (var (name, request) in cases)
            {
                data.Add(transport, name, request);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidHosts))]
    public async Task Host_that_is_not_one_host_and_port_answers_400_and_closes(string transport, string rule, string request)
    {
        await using var server = TestServer.Start(transport);
        _ = rule; // named for the test output

        Requests.AssertRejected(server, request, 400);
    }

    public static TheoryData<string, string> ValidHosts()
    {
        var hosts = new[]
        {
            "test", "test:8080", "test:", "test:0080", "test:65535", "127.0.0.1", "127.0.0.1:80", "999.1.1.1", "[::1]", "[::1]:8080",
            "[::]", "[2001:db8::8a2e:370:7334]", "[1:2:3:4:5:6:7:8]", "[::ffff:192.0.2.1]", "[v1.fe80::a+en1]", "xn--bcher-kva.example",
            "sub_domain.example", "te%41st", "a!$&'()*+;=b", "UPPER.Example.COM",
        };
        var data = new TheoryData<string, string>();
        foreach (var transport in Transports.Names)
        {
            foreach (var host in hosts)
            {
                data.Add(transport, host);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidHosts))]
    public async Task Host_that_is_one_host_with_an_optional_port_is_served(string transport, string host)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send($"GET /plaintext HTTP/1.1\r\nHost: {host}\r\n\r\n" + Requests.Plaintext);

        Requests.AssertIsHelloWorld(client.Read());
        Requests.AssertIsHelloWorld(client.Read()); // the connection stayed open
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Http10_request_without_Host_is_served(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("GET /plaintext HTTP/1.0\r\n\r\n");

        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Absolute_form_whose_authority_disagrees_with_Host_is_served_for_the_authority(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("GET http://target.example:8080/plaintext HTTP/1.1\r\nHost: other.example\r\n\r\n" + Requests.Plaintext);

        Requests.AssertIsHelloWorld(client.Read());
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [InlineData("GET http://target.example:8080/plaintext HTTP/1.1\r\nHost: other.example\r\n\r\n", "target.example:8080")]
    [InlineData("GET http://target.example?x=1 HTTP/1.1\r\nHost: other.example\r\n\r\n", "target.example")]
    [InlineData("GET http://[::1]:81 HTTP/1.1\r\nHost: other.example\r\n\r\n", "[::1]:81")]
    [InlineData("GET http://target.example#top HTTP/1.0\r\n\r\n", "target.example")]
    [InlineData("GET /plaintext HTTP/1.1\r\nHost: origin.example:81\r\n\r\n", "origin.example:81")]
    public void The_request_host_is_the_absolute_form_authority_else_the_Host_field(string request, string host)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(request);
        var slots = new HttpSlice[TestEndpoint.HeaderSlotCount];

        Assert.True(HttpRequestParser.TryParse<TestEndpoint>(bytes, HttpLimits.Default, out var head, slots, out var error), error.ToString());

        Assert.Equal(host, System.Text.Encoding.ASCII.GetString(head.Host.Of(bytes)));
    }
}
