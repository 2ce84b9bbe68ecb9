using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// A proxied request on kept-alive connections at both ends, in steady state: the backend's answer is read and passed
/// on by the epoll worker that serves the client (no thread hop), over one pooled backend connection, and that worker
/// allocates nothing per request — receive, parse, forward, the backend's answer, the response, epoll.
/// </summary>
public sealed class ProxyAllocationTests
{
    private const int Warmup = 2_000;
    private const int Measured = 10_000;
    private const int Capacity = 400_000;
    private static readonly TimeSpan MeasuredAtLeast = TimeSpan.FromSeconds(2.5); // the worker's housekeeping included

    [Theory]
    [InlineData("GET", "/plaintext", null, "Hello, World!")]
    [InlineData("POST", "/echo", "{\"sku\":\"A-1\",\"quantity\":3}", "{\"sku\":\"A-1\",\"quantity\":3}")]
    public async Task A_proxied_request_is_completed_on_the_worker_and_allocates_nothing_per_request(string method, string path, string? body, string expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the epoll transport is Linux-only
        }

        await using var backend = TestServer.Start("epoll"); // a worker of its own: its allocations are not the proxy's
        var httpBackend = new HttpBackend(backend.EndPoint);
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([httpBackend]));
        var log = new AllocationLog(Capacity);
        var completions = new int[Capacity];
        await using var proxy = TestServer<MeasuringForward>.Start(new MeasuringForward(group, log, completions), "epoll");
        using var client = proxy.Connect();
        var request = body is null
            ? Requests.Get(path)
            : $"{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        var clock = new Stopwatch();
        var last = 0;
        for (var i = 0; i < Capacity && (i <= Warmup + Measured || clock.Elapsed < MeasuredAtLeast); i++)
        {
            if (i == Warmup)
            {
                clock.Start();
            }

            last = i;
            client.Send(request);
            var response = client.Read();
            if (response.Status != 200 || response.BodyText != expected)
            {
                Assert.Fail($"Request {i}: {response.Status} '{response.BodyText}'.");
            }
        }

        Assert.Equal(1, httpBackend.GetStatistics().Connects); // one pooled backend connection served them all
        Assert.Equal(last + 1, log.Count);
        var worker = log.ThreadIds[Warmup];
        for (var i = Warmup; i < last; i++)
        {
            Assert.True(log.ThreadIds[i] == worker, $"Request {i} was served on thread {log.ThreadIds[i]}, not the worker {worker}.");
            Assert.True(completions[i] == worker, $"Request {i}'s backend answer was handled on thread {completions[i]}, not the worker {worker}.");
        }

        var why = log.WhyNotAllocationFree(Warmup, last);
        Assert.True(why is null, $"{last - Warmup} proxied requests on the worker: {why}");
    }

    /// <summary>
    /// Forwards every request and records, as each is served, the bytes the serving thread allocated so far, and on
    /// which thread the forward completed.
    /// </summary>
    private readonly struct MeasuringForward(BackendGroup group, AllocationLog log, int[] completions) : IHttpEndpoint
    {
        public static int HeaderSlotCount => 0;

        public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

        public RouteMatch Serve(HttpExchange exchange)
        {
            var index = log.Count;
            log.Record();
            var work = Completion(exchange.ForwardAsync(group), completions, index);
            if (work.IsCompletedSuccessfully)
            {
                work.GetAwaiter().GetResult();
                return RouteMatch.Handled(0);
            }

            return exchange.Suspend(0, work);
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private static async ValueTask Completion(ValueTask forward, int[] completions, int index)
        {
            await forward.ConfigureAwait(false);
            if (index < completions.Length)
            {
                completions[index] = Environment.CurrentManagedThreadId;
            }
        }
    }
}
