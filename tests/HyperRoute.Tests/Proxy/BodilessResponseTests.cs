using System;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// Responses that carry no content through the proxy keep the framing fields the backend gave them (RFC 9110): a HEAD
/// answer says the length the GET would have (§9.3.2), a 304 the representation's length when the backend said one
/// (§8.6), a 204 never a length (§15.3.5). The server's own framing would say 0 for the empty body it holds; each
/// test then sends a GET on the same connection, so a stray body byte would break it.
/// </summary>
public sealed class BodilessResponseTests
{
    private const string Document = "a representation of 31 bytes...";

    private static TestServer<ProxyTestEndpoint> Start(ScriptedBackend backend, string transport = "epoll")
        => TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]))), transport);

    // GET: the document; HEAD: its head without the body; the path says how the HEAD is framed.
    private static BackendReply Documents(BackendRequest request)
    {
        var method = request.RequestLine.Split(' ')[0];
        var path = request.RequestLine.Split(' ')[1];
        if (method != "HEAD")
        {
            return BackendReply.Text(Document);
        }

        return path switch
        {
            "/chunked" => BackendReply.Raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"),
            "/empty" => BackendReply.Raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n"),
            _ => BackendReply.Raw($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Document.Length}\r\n\r\n"),
        };
    }

    private static void AssertTheNextGetIsIntact(RawHttpClient client)
    {
        client.Send(Requests.Get("/next"));
        var next = client.Read();
        Assert.Equal(200, next.Status);
        Assert.Equal(Document, next.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_HEAD_answer_carries_the_Content_Length_the_GET_would_have(string transport)
    {
        using var backend = new ScriptedBackend(Documents);
        await using var server = Start(backend, transport);
        using var client = server.Connect();

        client.Send($"HEAD /doc HTTP/1.1\r\nHost: test\r\n\r\n");
        var head = client.Read(head: true);
        Assert.Equal(200, head.Status);
        Assert.Equal(Document.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Header("Content-Length"));
        Assert.Equal("text/plain", head.Header("Content-Type"));
        Assert.Null(head.Header("Transfer-Encoding"));

        client.Send(Requests.Get("/doc"));
        var get = client.Read();
        Assert.Equal(head.Header("Content-Length"), get.Header("Content-Length"));
        AssertTheNextGetIsIntact(client);
        Assert.Equal(1, backend.Connections); // the backend's connection was reused after the HEAD
        Assert.Equal("HEAD /doc HTTP/1.1", backend.Requests.First().RequestLine);
    }

    [Fact]
    public async Task A_HEAD_answer_whose_GET_would_be_chunked_states_no_length()
    {
        using var backend = new ScriptedBackend(Documents);
        await using var server = Start(backend);
        using var client = server.Connect();

        client.Send("HEAD /chunked HTTP/1.1\r\nHost: test\r\n\r\n");
        var head = client.Read(head: true);
        Assert.Equal(200, head.Status);
        Assert.Null(head.Header("Content-Length")); // not 0: the length is not known before the content is
        Assert.Null(head.Header("Transfer-Encoding"));
        AssertTheNextGetIsIntact(client);
        Assert.Equal(1, backend.Connections);
    }

    [Fact]
    public async Task A_HEAD_answer_of_an_empty_representation_says_zero()
    {
        using var backend = new ScriptedBackend(Documents);
        await using var server = Start(backend);
        using var client = server.Connect();

        client.Send("HEAD /empty HTTP/1.1\r\nHost: test\r\n\r\n");
        Assert.Equal("0", client.Read(head: true).Header("Content-Length"));
        AssertTheNextGetIsIntact(client);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_304_passes_the_backend_s_Content_Length_on(string transport)
    {
        using var backend = new ScriptedBackend(request => request.RequestLine.Contains("/cached", StringComparison.Ordinal)
            ? BackendReply.Raw($"HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: {Document.Length}\r\n\r\n")
            : BackendReply.Text(Document));
        await using var server = Start(backend, transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/cached", "If-None-Match: \"v1\"\r\n"));
        var response = client.Read();
        Assert.Equal(304, response.Status);
        Assert.Equal("31", response.Header("Content-Length"));
        Assert.Equal("\"v1\"", response.Header("ETag"));
        Assert.Null(response.Header("Transfer-Encoding"));
        AssertTheNextGetIsIntact(client);
        Assert.Equal(1, backend.Connections);
    }

    [Fact]
    public async Task A_304_without_a_length_states_none()
    {
        using var backend = new ScriptedBackend(request => request.RequestLine.Contains("/cached", StringComparison.Ordinal)
            ? BackendReply.Raw("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n")
            : BackendReply.Text(Document));
        await using var server = Start(backend);
        using var client = server.Connect();

        client.Send(Requests.Get("/cached", "If-None-Match: \"v1\"\r\n"));
        var response = client.Read();
        Assert.Equal(304, response.Status);
        Assert.Null(response.Header("Content-Length"));
        AssertTheNextGetIsIntact(client);
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\nX-Done: yes\r\n\r\n")]
    [InlineData("HTTP/1.1 204 No Content\r\nX-Done: yes\r\nContent-Length: 0\r\n\r\n")] // a length a 204 must not have
    public async Task A_204_never_states_a_length(string reply)
    {
        using var backend = new ScriptedBackend(request => request.RequestLine.Contains("/done", StringComparison.Ordinal)
            ? BackendReply.Raw(reply)
            : BackendReply.Text(Document));
        await using var server = Start(backend);
        using var client = server.Connect();

        client.Send(Requests.Get("/done"));
        var response = client.Read();
        Assert.Equal(204, response.Status);
        Assert.Equal("yes", response.Header("X-Done"));
        Assert.Null(response.Header("Content-Length"));
        Assert.Null(response.Header("Transfer-Encoding"));
        AssertTheNextGetIsIntact(client);
    }

    [Fact]
    public async Task A_HEAD_the_backend_fails_is_answered_with_the_problem_s_own_length()
    {
        using var backend = new ScriptedBackend(_ => BackendReply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n"));
        await using var server = Start(backend);
        using var client = server.Connect();

        client.Send("HEAD /doc HTTP/1.1\r\nHost: test\r\n\r\n");
        var response = client.Read(head: true);
        Assert.Equal(502, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.NotEqual("0", response.Header("Content-Length")); // the 502 problem's length, though its body is not sent
        Assert.False(client.HasDataWithin(TimeSpan.Zero));
    }
}
