using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>Keep-alive, HTTP/1.0, Connection: close, pipelining and partial reads.</summary>
public sealed class ConnectionTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keep_alive_connection_serves_many_requests_on_the_same_socket(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        for (var i = 0; i < 200; i++)
        {
            client.Send(Requests.Get($"/users/{i}"));
            var response = client.Read();
            Assert.Equal(200, response.Status);
            Assert.Null(response.Header("Connection"));
            Assert.Equal($"{{\"id\":{i}}}", response.BodyText);
        }

        Assert.Equal(1, server.Server.ConnectionsAccepted);
        Assert.Equal(200, server.Server.RequestsServed);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Pipelined_requests_in_one_write_are_answered_in_order(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();
        var batch = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            batch.Append(i % 3 == 0 ? Requests.Post("/echo", $"body {i}") : Requests.Get($"/users/{i}"));
        }

        client.Send(batch.ToString());

        for (var i = 0; i < 100; i++)
        {
            var response = client.Read();
            Assert.Equal(200, response.Status);
            Assert.Equal(i % 3 == 0 ? $"body {i}" : $"{{\"id\":{i}}}", response.BodyText);
        }

        Assert.False(client.HasDataWithin(TimeSpan.FromMilliseconds(50)));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Pipelined_responses_larger_than_the_socket_buffers_all_arrive_in_order(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();
        var batch = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            batch.Append(Requests.Get($"/stream/{i % 50}"));
        }

        client.Send(batch.ToString()); // about 3 MB of responses; the server pauses when the client's buffers fill

        for (var i = 0; i < 3000; i++)
        {
            var response = client.Read();
            Assert.Equal(200, response.Status);
            Assert.Equal(string.Concat(Enumerable.Range(0, i % 50).Select(n => $"line {n}\n")), response.BodyText);
        }
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Empty_lines_before_a_request_are_ignored(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("\r\n" + Requests.Plaintext + "\r\n\r\n" + Requests.Plaintext);

        Requests.AssertIsHelloWorld(client.Read());
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Request_sent_one_byte_at_a_time_is_served(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        await client.SendInPiecesAsync(Requests.Post("/echo", "one byte at a time", "X-Tenant: t\r\n") + Requests.Plaintext, 1, TimeSpan.FromMilliseconds(1));

        Assert.Equal("one byte at a time", client.Read().BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Slow_client_within_the_timeouts_is_served(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with
        {
            RequestHeadersTimeout = TimeSpan.FromSeconds(4),
            RequestBodyTimeout = TimeSpan.FromSeconds(2),
        });
        using var client = server.Connect();

        await client.SendInPiecesAsync(Requests.Post("/echo", "slow but steady body"), 10, TimeSpan.FromMilliseconds(150));

        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal("slow but steady body", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Connection_close_is_honoured(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/plaintext", "Connection: close\r\n") + Requests.Plaintext);

        var response = client.Read();
        Requests.AssertIsHelloWorld(response);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
        Assert.Equal(1, server.Server.RequestsServed);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Http_1_0_closes_after_the_response_by_default(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        client.Send("GET /plaintext HTTP/1.0\r\n\r\n");

        var response = client.Read();
        Requests.AssertIsHelloWorld(response);
        Assert.Equal("HTTP/1.1", response.Version);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Http_1_0_with_keep_alive_keeps_the_connection_open(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();

        for (var i = 0; i < 3; i++)
        {
            client.Send("GET /plaintext HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            var response = client.Read();
            Requests.AssertIsHelloWorld(response);
            Assert.Equal("keep-alive", response.Header("Connection"));
        }

        Assert.False(client.HasDataWithin(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(1, server.Server.ConnectionsAccepted);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Client_disconnecting_mid_body_leaves_the_server_healthy(string transport)
    {
        await using var server = TestServer.Start(transport);
        using (var client = server.Connect())
        {
            client.Send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\nonly part of it");
            Assert.False(client.HasDataWithin(TimeSpan.FromMilliseconds(100)));
        }

        await WaitUntil(() => server.Server.ConnectionsOpen == 0);
        using var next = server.Connect();
        next.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(next.Read());
        Assert.Equal(2, server.Server.ConnectionsAccepted);
        Assert.Equal(1, server.Server.RequestsServed);
        Assert.Equal(0, server.Server.RequestsRejected);
        Assert.Empty(server.HandlerErrors);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Many_connections_at_once_are_each_served(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { Workers = 2 });
        var clients = Enumerable.Range(0, 50).Select(_ => server.Connect()).ToArray();
        try
        {
            foreach (var (client, i) in clients.Select((c, i) => (c, i)))
            {
                client.Send(Requests.Get($"/users/{i}"));
            }

            foreach (var (client, i) in clients.Select((c, i) => (c, i)))
            {
                Assert.Equal($"{{\"id\":{i}}}", client.Read().BodyText);
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    internal static async Task WaitUntil(Func<bool> condition, double seconds = 5)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold in time.");
            await Task.Delay(10);
        }
    }
}
