using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// The pool's time limits and lifetime: an idle connection is closed after its idle timeout, a connect that takes too
/// long is 504, and a worker's connections close with the worker.
/// </summary>
public sealed class PoolTimeoutTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task An_idle_pooled_connection_is_closed_after_the_idle_timeout_and_the_next_request_connects_anew(string transport)
    {
        using var backend = ScriptedBackend.Named("a");
        var httpBackend = new HttpBackend(backend.EndPoint, new BackendPoolOptions { IdleTimeout = TimeSpan.FromMilliseconds(200) });
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([httpBackend]));
        await using var server = TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(group), transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/one"));
        Assert.Equal("a:/one", client.Read().BodyText);
        Assert.Equal(1, httpBackend.GetStatistics().OpenConnections);

        await ConnectionTests.WaitUntil(() => httpBackend.GetStatistics() is { OpenConnections: 0, IdleConnections: 0 });
        client.Send(Requests.Get("/two"));
        Assert.Equal("a:/two", client.Read().BodyText);
        Assert.Equal(2, httpBackend.GetStatistics().Connects);
        Assert.Equal(2, backend.Connections);
    }

    [Fact]
    public async Task Stopping_the_server_closes_the_backend_connections_of_its_workers()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the epoll transport's per-worker pools
        }

        using var backend = ScriptedBackend.Named("a");
        var httpBackend = new HttpBackend(backend.EndPoint);
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([httpBackend]));
        var server = TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(group), "epoll");
        using (var client = server.Connect())
        {
            client.Send(Requests.Get("/one"));
            Assert.Equal("a:/one", client.Read().BodyText);
        }

        Assert.Equal(0, backend.Closed);
        await server.DisposeAsync();
        await ConnectionTests.WaitUntil(() => backend.Closed == 1); // the worker's loop closed it as it exited
        await ConnectionTests.WaitUntil(() => httpBackend.GetStatistics().OpenConnections == 0, seconds: 10); // swept from the pool
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_connect_the_backend_does_not_accept_in_time_is_answered_504(string transport)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the full accept queue that drops a SYN is Linux's behaviour
        }

        // A listener that never accepts, its queue filled: Linux drops further SYNs, so a connect waits.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                _ = filler.ConnectAsync(listener.LocalEndPoint!); // the first fill the queue, the rest hang in SYN_SENT
            }

            var pool = new BackendPoolOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) };
            var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend((IPEndPoint)listener.LocalEndPoint!, pool)]));
            await using var server = TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(group), transport);
            using var client = server.Connect(TimeSpan.FromSeconds(10));
            client.Send(Requests.Get("/x"));
            var response = client.Read();
            Assert.Equal(504, response.Status);
            Assert.Contains("did not accept the connection in time", response.BodyText, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var filler in fillers)
            {
                filler.Dispose();
            }
        }
    }
}
