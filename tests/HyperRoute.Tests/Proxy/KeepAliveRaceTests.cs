using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// The keep-alive race: the backend closes a kept-alive connection (its idle timeout, a restart) as the proxy sends the
/// next request on it, so the pooled connection passed its check and dies with no byte of an answer. The backends here
/// answer the first request of a connection and drop a later one unanswered (FIN or RST, never a
/// <c>Connection: close</c>): the next request arrives before the proxy could notice. An idempotent request is sent
/// once more on a new connection and the client never sees the race; a POST gets its 502.
/// </summary>
public sealed class KeepAliveRaceTests
{
    private static TestServer<ProxyTestEndpoint> Start(ScriptedBackend backend, DestinationHealth? health = null, string transport = "epoll")
        => TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)], health))), transport);

    private static BackendReply Served(BackendRequest request) => BackendReply.Text($"c{request.Connection}:{request.RequestLine.Split(' ')[1]}");

    public static TheoryData<string, bool> TransportsAndCloses => new()
    {
        { "epoll", false },
        { "epoll", true },
        { "sockets", false },
        { "sockets", true },
    };

    [Theory]
    [MemberData(nameof(TransportsAndCloses))]
    public async Task An_idempotent_request_on_a_connection_the_backend_closed_is_sent_again_on_a_new_one(string transport, bool reset)
    {
        using var backend = new ScriptedBackend(request => request.OnConnection == 1 ? Served(request) : BackendReply.Drop(reset));
        var health = new DestinationHealth(1, new HealthPolicy { FailureThreshold = 1 });
        await using var server = Start(backend, health, transport);
        using var client = server.Connect();

        client.Send(Requests.Get("/1"));
        Assert.Equal("c1:/1", client.Read().BodyText);
        client.Send(Requests.Get("/2"));
        var second = client.Read();

        Assert.Equal(200, second.Status);
        Assert.Equal("c2:/2", second.BodyText);
        Assert.Equal(["/1", "/2", "/2"], backend.Requests.Select(r => r.RequestLine.Split(' ')[1]));
        Assert.Equal(2, backend.Connections);
        Assert.True(health.IsUp(0)); // the race is not the backend's failure
    }

    [Fact]
    public async Task The_request_sent_again_reports_no_failure_and_leaves_nothing_in_flight()
    {
        using var backend = new ScriptedBackend(request => request.OnConnection == 1 ? Served(request) : BackendReply.Drop());
        var member = new HttpBackend(backend.EndPoint);
        await using var server = TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(new BackendGroup(new RoundRobinGroup<HttpBackend>([member]))), "epoll");
        using var client = server.Connect();
        for (var i = 1; i <= 3; i++)
        {
            client.Send(Requests.Get($"/{i}"));
            Assert.Equal($"c{i}:/{i}", client.Read().BodyText);
        }

        var statistics = member.GetStatistics();
        Assert.Equal((3L, 0L, 0L), (statistics.Requests, statistics.Failures, statistics.InFlight));
        Assert.Equal(3, statistics.Connects);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_POST_on_a_connection_the_backend_closed_is_answered_502_and_not_sent_again(bool reset)
    {
        using var backend = new ScriptedBackend(request => request.OnConnection == 1 ? Served(request) : BackendReply.Drop(reset));
        await using var server = Start(backend);
        using var client = server.Connect();

        client.Send(Requests.Get("/1"));
        Assert.Equal("c1:/1", client.Read().BodyText);
        client.Send(Requests.Post("/order", "one"));
        var response = client.Read();

        Assert.Equal(502, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Single(backend.Requests, r => r.RequestLine.StartsWith("POST", StringComparison.Ordinal));
        Assert.Equal(1, backend.Connections); // no second connection: nothing was sent again
    }

    [Fact]
    public async Task A_request_is_sent_again_only_once()
    {
        // Only the very first request is answered: the one sent again, on a new connection, is dropped too.
        using var backend = new ScriptedBackend(request => request.Connection == 1 && request.OnConnection == 1 ? Served(request) : BackendReply.Drop());
        await using var server = Start(backend);
        using var client = server.Connect();

        client.Send(Requests.Get("/1"));
        Assert.Equal("c1:/1", client.Read().BodyText);
        client.Send(Requests.Get("/2"));
        var response = client.Read();

        Assert.Equal(502, response.Status);
        Assert.Contains("without answering", response.BodyText, StringComparison.Ordinal);
        Assert.Equal(2, backend.Requests.Count(r => r.RequestLine.StartsWith("GET /2 ", StringComparison.Ordinal)));
        Assert.Equal(2, backend.Connections);
    }

    [Fact]
    public async Task The_request_sent_again_takes_a_new_connection_not_another_pooled_one()
    {
        // Two connections get pooled (the first two requests are held until both arrived); then every kept-alive
        // connection is dead to the backend, as after its restart.
        var firsts = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var backend = new ScriptedBackend(request =>
        {
            if (request.OnConnection > 1)
            {
                return BackendReply.Drop();
            }

            if (Interlocked.Increment(ref firsts) == 2)
            {
                both.TrySetResult();
            }

            return Served(request) with { Before = () => both.Task };
        });
        await using var server = Start(backend);
        using var a = server.Connect();
        using var b = server.Connect();
        a.Send(Requests.Get("/a"));
        b.Send(Requests.Get("/b"));
        Assert.Equal(200, a.Read().Status);
        Assert.Equal(200, b.Read().Status);
        Assert.Equal(2, backend.Connections);

        a.Send(Requests.Get("/again"));
        Assert.Equal("c3:/again", a.Read().BodyText);
        Assert.Equal(3, backend.Connections);
    }
}
