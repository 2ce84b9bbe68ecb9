using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// The reverse proxy on the built-in server, against real backends in this process: reuse of backend connections,
/// the framing it re-derives, the hop-by-hop and forwarding headers, and how each failure is answered.
/// </summary>
public sealed class ProxyTests
{
    private static TestServer<ProxyTestEndpoint> Start(BackendGroup group, string transport = "epoll")
        => TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(group), transport);

    private static BackendGroup Group(ProxyOptions? options = null, BackendPoolOptions? pool = null, params ScriptedBackend[] backends)
        => new(new RoundRobinGroup<HttpBackend>(backends.Select(b => new HttpBackend(b.EndPoint, pool))), options);

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keep_alive_requests_reuse_one_backend_connection(string transport)
    {
        using var backend = ScriptedBackend.Named("a");
        await using var server = Start(Group(backends: backend), transport);
        using var client = server.Connect();
        for (var i = 0; i < 20; i++)
        {
            client.Send(Requests.Get($"/item/{i}"));
            var response = client.Read();
            Assert.Equal(200, response.Status);
            Assert.Equal($"a:/item/{i}", response.BodyText);
            Assert.Equal("text/plain", response.Header("Content-Type"));
        }

        Assert.Equal(1, backend.Connections);
    }

    [Fact]
    public async Task A_rewritten_path_keeps_the_query_string()
    {
        using var backend = ScriptedBackend.Named("a");
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/api/users/7?x=1"));
        Assert.Equal("a:/users/7?x=1", client.Read().BodyText);
    }

    [Fact]
    public async Task Hop_by_hop_request_headers_and_those_named_by_Connection_are_removed()
    {
        using var backend = ScriptedBackend.Named("a");
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/h", "Connection: keep-alive, X-Hop\r\nX-Hop: 1\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n"
            + "Proxy-Authorization: Basic eA==\r\nProxy-Connection: keep-alive\r\nUpgrade: h2c\r\nTrailer: X-T\r\nX-End: kept\r\n"));
        Assert.Equal(200, client.Read().Status);

        var seen = Assert.Single(backend.Requests);
        foreach (var name in new[] { "Connection", "X-Hop", "Keep-Alive", "TE", "Proxy-Authorization", "Proxy-Connection", "Upgrade", "Trailer", "Transfer-Encoding" })
        {
            Assert.Null(seen.Header(name));
        }

        Assert.Equal("kept", seen.Header("X-End"));
        Assert.Equal("test", seen.Header("Host"));
        Assert.Equal("GET /h HTTP/1.1", seen.RequestLine);
    }

    [Fact]
    public async Task Hop_by_hop_response_headers_are_removed_and_end_to_end_ones_kept()
    {
        using var backend = new ScriptedBackend(_ => BackendReply.Raw(
            "HTTP/1.1 201 Created\r\nConnection: X-Back\r\nX-Back: 1\r\nKeep-Alive: timeout=5\r\nProxy-Authenticate: Basic\r\n"
            + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nServer: backend\r\nContent-Length: 2\r\n\r\nok"));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/h"));
        var response = client.Read();

        Assert.Equal(201, response.Status);
        Assert.Equal("ok", response.BodyText);
        Assert.Null(response.Header("X-Back"));
        Assert.Null(response.Header("Keep-Alive"));
        Assert.Null(response.Header("Proxy-Authenticate"));
        Assert.Equal(["a=1", "b=2"], response.Headers.Where(h => h.Key == "Set-Cookie").Select(h => h.Value));
        Assert.Equal("1.1 hyperroute", response.Header("Via"));
        Assert.False(response.SaysClose);
    }

    [Fact]
    public async Task Forwarding_headers_say_who_asked_and_a_client_cannot_forge_them()
    {
        using var backend = ScriptedBackend.Named("a");
        var options = new ProxyOptions { Forwarded = ForwardedHeaders.XForwarded | ForwardedHeaders.Via | ForwardedHeaders.Forwarded };
        await using var server = Start(Group(options, backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/f", "X-Forwarded-For: 6.6.6.6\r\nForwarded: for=6.6.6.6\r\nX-Forwarded-Host: evil\r\n"));
        Assert.Equal(200, client.Read().Status);

        var seen = Assert.Single(backend.Requests);
        Assert.Equal(["127.0.0.1"], seen.Values("X-Forwarded-For"));
        Assert.Equal(["http"], seen.Values("X-Forwarded-Proto"));
        Assert.Equal(["test"], seen.Values("X-Forwarded-Host"));
        Assert.Equal(["for=127.0.0.1;host=\"test\";proto=http"], seen.Values("Forwarded"));
        Assert.Equal(["1.1 hyperroute"], seen.Values("Via"));
    }

    [Fact]
    public async Task Trusted_forwarding_headers_are_extended_with_this_hop()
    {
        using var backend = ScriptedBackend.Named("a");
        await using var server = Start(Group(new ProxyOptions { TrustForwardedHeaders = true }, backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/f", "X-Forwarded-For: 10.0.0.1\r\nX-Forwarded-For: 10.0.0.2\r\nX-Forwarded-Proto: https\r\n"));
        Assert.Equal(200, client.Read().Status);

        var seen = Assert.Single(backend.Requests);
        Assert.Equal(["10.0.0.1, 10.0.0.2, 127.0.0.1"], seen.Values("X-Forwarded-For"));
        Assert.Equal(["https"], seen.Values("X-Forwarded-Proto"));
    }

    [Fact]
    public async Task Host_is_rewritten_to_the_backend_when_asked()
    {
        using var backend = ScriptedBackend.Named("a");
        await using var server = Start(Group(new ProxyOptions { Host = HostHeaderMode.Backend, Forwarded = ForwardedHeaders.None }, backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/h"));
        Assert.Equal(200, client.Read().Status);

        var seen = Assert.Single(backend.Requests);
        Assert.Equal($"127.0.0.1:{backend.EndPoint.Port}", seen.Header("Host"));
        Assert.Null(seen.Header("Via"));
        Assert.Null(seen.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_chunked_request_body_reaches_the_backend_with_a_Content_Length()
    {
        using var backend = new ScriptedBackend(request => BackendReply.Text(Encoding.ASCII.GetString(request.Body)));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send("POST /p HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        Assert.Equal("hello world", client.Read().BodyText);

        var seen = Assert.Single(backend.Requests);
        Assert.Equal("11", seen.Header("Content-Length"));
        Assert.Null(seen.Header("Transfer-Encoding"));
    }

    [Fact]
    public async Task A_POST_without_a_body_says_Content_Length_zero()
    {
        using var backend = ScriptedBackend.Named("a");
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send("POST /p HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(200, client.Read().Status);
        Assert.Equal("0", Assert.Single(backend.Requests).Header("Content-Length"));
    }

    [Fact]
    public async Task A_chunked_backend_response_is_reframed_and_its_connection_reused()
    {
        using var backend = new ScriptedBackend(_ => BackendReply.Raw(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n4\r\ndefg\r\n0\r\nX-Trailer: t\r\n\r\n"));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        for (var i = 0; i < 3; i++)
        {
            client.Send(Requests.Get("/c"));
            var response = client.Read();
            Assert.Equal("abcdefg", response.BodyText);
            Assert.Equal("7", response.Header("Content-Length"));
        }

        Assert.Equal(1, backend.Connections);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_large_response_streams_through_intact(bool chunkedFromBackend)
    {
        var body = new byte[1 << 20];
        new Random(7).NextBytes(body);
        using var backend = new ScriptedBackend(_ => new BackendReply(Large(body, chunkedFromBackend)));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect(TimeSpan.FromSeconds(20));
        for (var i = 0; i < 2; i++)
        {
            client.Send(Requests.Get("/big"));
            var response = client.Read();
            Assert.True(response.WasChunked); // larger than the stream threshold: passed on as it arrives
            Assert.Equal(body, response.Body);
        }

        Assert.Equal(1, backend.Connections);
    }

    [Fact]
    public async Task A_large_request_body_reaches_the_backend_intact()
    {
        var body = new byte[300_000];
        new Random(3).NextBytes(body);
        using var backend = new ScriptedBackend(request => BackendReply.Text(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(request.Body))));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect(TimeSpan.FromSeconds(20));
        client.Send(Encoding.ASCII.GetBytes($"PUT /up HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\n\r\n").Concat(body).ToArray());
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body)), client.Read().BodyText);
    }

    [Fact]
    public async Task A_refused_connection_is_answered_502_problem()
    {
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(ClosedPort())]));
        await using var server = Start(group);
        using var client = server.Connect();
        client.Send(Requests.Get("/x"));
        var response = client.Read();
        Assert.Equal(502, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Contains("refused", response.BodyText, StringComparison.Ordinal);
        Assert.False(response.SaysClose);
    }

    [Fact]
    public async Task A_malformed_backend_response_is_answered_502_and_its_connection_discarded()
    {
        var calls = 0;
        using var backend = new ScriptedBackend(_ => Interlocked.Increment(ref calls) == 1
            ? BackendReply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc")
            : BackendReply.Text("fine"));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/x"));
        var bad = client.Read();
        Assert.Equal(502, bad.Status);
        Assert.Contains("not valid HTTP/1.1", bad.BodyText, StringComparison.Ordinal);

        client.Send(Requests.Get("/x"));
        Assert.Equal("fine", client.Read().BodyText);
        Assert.Equal(2, backend.Connections); // the first connection was not reused
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\nContent-Length: 2\n\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -2\r\n\r\nok")]
    [InlineData("HTTP/1.1 2000 OK\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/2 200 OK\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n")]
    public async Task Malformed_backend_responses_are_answered_502(string reply)
    {
        using var backend = new ScriptedBackend(_ => BackendReply.Raw(reply));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/x"));
        Assert.Equal(502, client.Read().Status);
    }

    [Fact]
    public async Task A_backend_that_closes_before_answering_is_answered_502()
    {
        using var backend = new ScriptedBackend(_ => BackendReply.Raw("", closeAfter: true));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Post("/x", "data"));
        var response = client.Read();
        Assert.Equal(502, response.Status);
        Assert.Contains("without answering", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_that_closes_mid_body_before_anything_went_out_is_answered_502()
    {
        using var backend = new ScriptedBackend(_ => BackendReply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part", closeAfter: true));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/x"));
        Assert.Equal(502, client.Read().Status);
    }

    [Fact]
    public async Task A_backend_that_closes_after_the_head_went_out_closes_the_client_connection()
    {
        var part = new string('x', 200_000);
        using var backend = new ScriptedBackend(_ => BackendReply.Raw($"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n{part}", closeAfter: true));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect(TimeSpan.FromSeconds(10));
        client.Send(Requests.Get("/x"));
        Assert.Throws<ConnectionClosedException>(() => client.Read());
    }

    [Fact]
    public async Task A_backend_that_does_not_answer_in_time_is_answered_504()
    {
        using var gate = new SemaphoreSlim(0);
        using var backend = new ScriptedBackend(_ => new BackendReply(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), Before: () => gate.WaitAsync()));
        await using var server = Start(Group(new ProxyOptions { ResponseTimeout = TimeSpan.FromMilliseconds(200) }, backends: backend));
        using var client = server.Connect();
        client.Send(Requests.Get("/slow"));
        var response = client.Read();
        gate.Release();
        Assert.Equal(504, response.Status);
        Assert.Contains("did not answer in time", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idempotent_request_is_retried_on_another_backend_when_nothing_was_sent()
    {
        using var alive = ScriptedBackend.Named("alive");
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(ClosedPort()), new HttpBackend(alive.EndPoint)]));
        await using var server = Start(group);
        using var client = server.Connect();
        for (var i = 0; i < 4; i++)
        {
            client.Send(Requests.Get("/r"));
            Assert.Equal("alive:/r", client.Read().BodyText);
        }
    }

    [Fact]
    public async Task A_POST_is_never_retried()
    {
        using var alive = ScriptedBackend.Named("alive");
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(ClosedPort()), new HttpBackend(alive.EndPoint)]));
        await using var server = Start(group);
        using var client = server.Connect();
        var statuses = Enumerable.Range(0, 4).Select(_ =>
        {
            client.Send(Requests.Post("/r", "x"));
            return client.Read().Status;
        }).ToArray();
        Assert.Equal(2, statuses.Count(s => s == 502));
        Assert.Equal(2, statuses.Count(s => s == 200));
    }

    [Fact]
    public async Task When_every_connection_stays_busy_a_request_waits_then_gets_503()
    {
        using var gate = new SemaphoreSlim(0);
        using var backend = new ScriptedBackend(request => request.RequestLine.Contains("/hold", StringComparison.Ordinal)
            ? new BackendReply(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nheld"), Before: () => gate.WaitAsync())
            : BackendReply.Text("quick"));
        var pool = new BackendPoolOptions { MaxConnections = 1, WaitTimeout = TimeSpan.FromMilliseconds(150) };
        await using var server = Start(Group(pool: pool, backends: backend));
        using var holder = server.Connect();
        using var waiter = server.Connect();
        holder.Send(Requests.Get("/hold"));
        await ConnectionTests.WaitUntil(() => backend.Requests.Count == 1);

        waiter.Send(Requests.Get("/quick"));
        var refused = waiter.Read();
        Assert.Equal(503, refused.Status);
        Assert.Equal("application/problem+json", refused.Header("Content-Type"));

        gate.Release();
        Assert.Equal("held", holder.Read().BodyText);
        waiter.Send(Requests.Get("/quick"));
        Assert.Equal("quick", waiter.Read().BodyText); // the connection is free again
        Assert.Equal(1, backend.Connections);
    }

    [Fact]
    public async Task A_pooled_connection_the_backend_closed_is_not_reused()
    {
        using var backend = new ScriptedBackend(_ => BackendReply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", closeAfter: true));
        await using var server = Start(Group(backends: backend));
        using var client = server.Connect();
        for (var i = 0; i < 5; i++)
        {
            client.Send(Requests.Get("/x"));
            Assert.Equal("ok", client.Read().BodyText);
            var closed = i + 1;
            await ConnectionTests.WaitUntil(() => backend.Closed == closed); // the backend closed it after answering
        }

        Assert.Equal(5, backend.Connections);
    }

    [Fact]
    public async Task A_request_served_locally_needs_no_backend()
    {
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(ClosedPort())]));
        await using var server = Start(group);
        using var client = server.Connect();
        client.Send(Requests.Get("/local"));
        Assert.Equal("local", client.Read().BodyText);
    }

    internal static System.Net.IPEndPoint ClosedPort()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return (System.Net.IPEndPoint)socket.LocalEndPoint!; // bound but never listening: connects are refused
    }

    private static byte[] Large(byte[] body, bool chunked)
    {
        var output = new System.IO.MemoryStream();
        if (!chunked)
        {
            output.Write(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n"));
            output.Write(body);
            return output.ToArray();
        }

        output.Write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"u8);
        for (var at = 0; at < body.Length; at += 10_000)
        {
            var size = Math.Min(10_000, body.Length - at);
            output.Write(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            output.Write(body, at, size);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }
}
