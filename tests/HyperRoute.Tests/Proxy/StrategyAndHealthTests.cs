using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// The destination groups choosing among HTTP backends: hash keys from the request, passive and active health,
/// membership changes at run time, and the per-backend counters.
/// </summary>
public sealed class StrategyAndHealthTests
{
    private static TestServer<ProxyTestEndpoint> Start(BackendGroup group) => TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(group), "epoll");

    private static HttpBackend[] Backends(params ScriptedBackend[] backends) => backends.Select(b => new HttpBackend(b.EndPoint)).ToArray();

    private static string ServedBy(RawHttpClient client, string path, string headers = "")
    {
        client.Send(Requests.Get(path, headers));
        return client.Read().BodyText.Split(':')[0];
    }

    [Theory]
    [InlineData("header")]
    [InlineData("cookie")]
    public async Task A_hash_key_from_the_request_keeps_each_key_on_one_backend(string source)
    {
        using var a = ScriptedBackend.Named("a");
        using var b = ScriptedBackend.Named("b");
        using var c = ScriptedBackend.Named("c");
        var key = source == "header" ? HashKey.Header("X-User") : HashKey.Cookie("session");
        var group = new BackendGroup(new ConsistentHashGroup<HttpBackend>(Backends(a, b, c), backend => backend.Authority), key: key);
        await using var server = Start(group);
        using var client = server.Connect();
        var seen = new System.Collections.Generic.HashSet<string>();
        for (var user = 0; user < 12; user++)
        {
            var headers = source == "header" ? $"X-User: user-{user}\r\n" : $"Cookie: theme=dark; session=user-{user}\r\n";
            var served = Enumerable.Range(0, 3).Select(_ => ServedBy(client, "/k", headers)).Distinct().ToArray();
            seen.Add(Assert.Single(served));
        }

        Assert.True(seen.Count > 1, "Twelve keys over three backends all landed on one: the key was not read.");
    }

    [Fact]
    public async Task The_client_address_can_be_the_hash_key()
    {
        using var a = ScriptedBackend.Named("a");
        using var b = ScriptedBackend.Named("b");
        var group = new BackendGroup(new ConsistentHashGroup<HttpBackend>(Backends(a, b), backend => backend.Authority), key: HashKey.ClientAddress);
        await using var server = Start(group);
        var served = Enumerable.Range(0, 4).Select(_ =>
        {
            using var client = server.Connect();
            return ServedBy(client, "/c");
        }).Distinct().ToArray();
        Assert.Single(served); // every connection comes from 127.0.0.1
    }

    [Fact]
    public async Task A_backend_that_fails_is_marked_down_and_comes_back_after_a_probe()
    {
        using var alive = ScriptedBackend.Named("alive");
        var deadEndPoint = ProxyTests.ClosedPort();
        var clock = new ManualClock();
        var health = new DestinationHealth(2, new HealthPolicy { FailureThreshold = 1, RetryInterval = TimeSpan.FromSeconds(10), TimeProvider = clock });
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(deadEndPoint), new HttpBackend(alive.EndPoint)], health));
        await using var server = Start(group);
        using var client = server.Connect();

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("alive", ServedBy(client, "/x")); // the failure is retried on the other; then the dead one is skipped
        }

        Assert.False(health.IsUp(0));
        Assert.Equal(1, group.Members[0].GetStatistics().Failures);

        // The backend comes back on the same port; after the retry interval one request probes it and restores it.
        using var back = new ScriptedBackendOn(deadEndPoint, "back");
        clock.Advance(TimeSpan.FromSeconds(11));
        var served = Enumerable.Range(0, 4).Select(_ => ServedBy(client, "/x")).ToArray();
        Assert.Contains("back", served);
        Assert.True(health.IsUp(0));
    }

    [Fact]
    public async Task Active_health_checks_mark_a_backend_down_and_up_again()
    {
        var healthy = 1;
        using var flaky = new ScriptedBackend(request => request.RequestLine.StartsWith("GET /health ", StringComparison.Ordinal)
            ? BackendReply.Raw(Volatile.Read(ref healthy) == 1 ? "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" : "HTTP/1.1 503 Unavailable\r\nContent-Length: 0\r\n\r\n", closeAfter: true)
            : BackendReply.Text("flaky:" + request.RequestLine.Split(' ')[1]));
        using var steady = ScriptedBackend.Named("steady");
        var health = new DestinationHealth(2, new HealthPolicy { RetryInterval = TimeSpan.FromMinutes(10), MaxRetryInterval = TimeSpan.FromMinutes(10) });
        using var group = new BackendGroup(new RoundRobinGroup<HttpBackend>(Backends(flaky, steady), health));
        group.StartHealthChecks(new ActiveHealthCheckOptions { Interval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(1) });

        Volatile.Write(ref healthy, 0);
        await ConnectionTests.WaitUntil(() => !health.IsUp(0));
        await using var server = Start(group);
        using var client = server.Connect();
        Assert.All(Enumerable.Range(0, 4).Select(_ => ServedBy(client, "/x")), s => Assert.Equal("steady", s));

        Volatile.Write(ref healthy, 1);
        await ConnectionTests.WaitUntil(() => health.IsUp(0));
        Assert.Contains("flaky", Enumerable.Range(0, 4).Select(_ => ServedBy(client, "/x")));
    }

    [Fact]
    public async Task Membership_changes_under_load_without_failing_a_request()
    {
        using var a = ScriptedBackend.Named("a");
        using var b = ScriptedBackend.Named("b");
        var first = Backends(a);
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>(first));
        await using var server = Start(group);
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var answered = 0;
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var client = server.Connect();
            while (!stop.IsCancellationRequested)
            {
                client.Send(Requests.Get("/m"));
                var response = client.Read();
                Interlocked.Increment(ref answered);
                if (response.Status != 200)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        await ConnectionTests.WaitUntil(() => Volatile.Read(ref answered) > 50);
        var previous = group.Update(new RoundRobinGroup<HttpBackend>(Backends(b)));
        var switched = Volatile.Read(ref answered);
        await ConnectionTests.WaitUntil(() => Volatile.Read(ref answered) > switched + 50);
        foreach (var backend in previous.Destinations)
        {
            backend.Dispose(); // the old member's in-flight requests finish; its idle connections close
        }

        var disposed = Volatile.Read(ref answered);
        await ConnectionTests.WaitUntil(() => Volatile.Read(ref answered) > disposed + 50);
        stop.Cancel();
        await Task.WhenAll(load);

        Assert.Equal(0, failures);
        Assert.True(b.Requests.Count > 50);
        Assert.Equal(0, first[0].GetStatistics().InFlight);
    }

    [Fact]
    public async Task Counters_report_requests_latency_and_pool_size()
    {
        using var a = ScriptedBackend.Named("a");
        var backends = Backends(a);
        await using var server = Start(new BackendGroup(new RoundRobinGroup<HttpBackend>(backends)));
        using var client = server.Connect();
        for (var i = 0; i < 10; i++)
        {
            ServedBy(client, "/s");
        }

        var statistics = backends[0].GetStatistics();
        Assert.Equal(10, statistics.Requests);
        Assert.Equal(0, statistics.Failures);
        Assert.Equal(0, statistics.InFlight);
        Assert.Equal(1, statistics.OpenConnections);
        Assert.Equal(1, statistics.IdleConnections);
        Assert.Equal(1, statistics.Connects);
        Assert.True(statistics.MeanLatency > TimeSpan.Zero);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>A named backend on a given (free) port: a backend that comes back where it was.</summary>
    private sealed class ScriptedBackendOn : IDisposable
    {
        private readonly System.Net.Sockets.TcpListener _listener;

        public ScriptedBackendOn(System.Net.IPEndPoint endPoint, string name)
        {
            _listener = new System.Net.Sockets.TcpListener(endPoint);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    System.Net.Sockets.Socket socket;
                    try
                    {
                        socket = await _listener.AcceptSocketAsync();
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    _ = Task.Run(async () =>
                    {
                        using var _ = socket;
                        var buffer = new byte[4096];
                        try
                        {
                            while (await socket.ReceiveAsync(buffer) > 0)
                            {
                                await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {name.Length + 3}\r\n\r\n{name}:/x"));
                            }
                        }
                        catch (System.Net.Sockets.SocketException)
                        {
                        }
                    });
                }
            });
        }

        public void Dispose() => _listener.Stop();
    }
}
