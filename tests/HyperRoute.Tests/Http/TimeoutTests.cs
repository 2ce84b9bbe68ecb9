using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>Idle keep-alive connections and stalled bodies are closed when their timeouts expire.</summary>
public sealed class TimeoutTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Idle_keep_alive_connection_is_closed_after_the_keep_alive_timeout(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { KeepAliveTimeout = TimeSpan.FromSeconds(1) });
        using var client = server.Connect(timeout: TimeSpan.FromSeconds(5));
        client.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(client.Read());
        var clock = Stopwatch.StartNew();

        Assert.True(client.IsClosedByServer(), "The idle connection was still open after 5 s.");

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal(0, server.Server.RequestsRejected); // an idle close is not a 408
        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 0);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Stalled_body_answers_408_after_the_body_timeout(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { RequestBodyTimeout = TimeSpan.FromSeconds(1) });
        using var client = server.Connect(timeout: TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();

        client.Send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");

        var response = client.Read();
        Assert.Equal(408, response.Status);
        Assert.True(response.SaysClose);
        Assert.True(client.IsClosedByServer());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Stalled_chunked_body_answers_408_after_the_body_timeout(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { RequestBodyTimeout = TimeSpan.FromSeconds(1) });
        using var client = server.Connect(timeout: TimeSpan.FromSeconds(5));

        client.Send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");

        var response = client.Read();
        Assert.Equal(408, response.Status);
        Assert.True(client.IsClosedByServer());
    }
}
