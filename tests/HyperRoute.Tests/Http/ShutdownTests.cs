using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// Graceful shutdown: a request in flight completes (saying <c>Connection: close</c>), idle connections close at
/// once, <c>StopAsync</c> returns within its deadline, and nothing new is accepted afterwards.
/// </summary>
public sealed class ShutdownTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Stop_completes_the_request_in_flight_closes_idle_connections_and_refuses_new_ones(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var idle = server.Connect();
        idle.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(idle.Read());
        using var busy = server.Connect();
        var started = TestEndpoint.HeldRequestsStarted;
        busy.Send(Requests.Get("/held"));
        await ConnectionTests.WaitUntil(() => TestEndpoint.HeldRequestsStarted > started);

        var clock = Stopwatch.StartNew();
        var stop = server.Server.StopAsync(TimeSpan.FromSeconds(10)); // begins while the request is in flight
        Assert.False(stop.IsCompleted);
        TestEndpoint.Release();

        var response = busy.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal("released", response.BodyText);
        Assert.True(response.SaysClose, "The response in flight at shutdown should say Connection: close.");
        Assert.True(busy.IsClosedByServer());
        Assert.True(idle.IsClosedByServer());
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5)); // well within the 10 s deadline
        Assert.Equal(0, server.Server.ConnectionsOpen);
        var refused = Assert.ThrowsAny<SocketException>(() => server.Connect());
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Stop_with_only_idle_connections_returns_promptly(string transport)
    {
        await using var server = TestServer.Start(transport);
        var clients = new RawHttpClient[5];
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = server.Connect();
            clients[i].Send(Requests.Plaintext);
            Requests.AssertIsHelloWorld(clients[i].Read());
        }

        var clock = Stopwatch.StartNew();
        await server.Server.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        foreach (var client in clients)
        {
            Assert.True(client.IsClosedByServer());
            client.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Stop_closes_a_connection_still_sending_its_head_when_the_deadline_passes(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect();
        client.Send("GET /plaintext HTTP/1.1\r\nHost: te"); // never finished; the headers timeout is 30 s
        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 1);
        var clock = Stopwatch.StartNew();

        await server.Server.StopAsync(TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.True(client.IsClosedByServer());
        Assert.Equal(0, server.Server.ConnectionsOpen);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Stop_twice_returns_the_same_task(string transport)
    {
        await using var server = TestServer.Start(transport);

        var first = server.Server.StopAsync();
        var second = server.Server.StopAsync();

        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
