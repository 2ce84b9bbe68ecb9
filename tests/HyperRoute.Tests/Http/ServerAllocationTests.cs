using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>Where <see cref="Measuring{TInner}"/> writes what it measured: one entry per request served.</summary>
public sealed class AllocationLog(int capacity)
{
    private int _count;

    public long[] AllocatedBytes { get; } = new long[capacity];

    public int[] ThreadIds { get; } = new int[capacity];

    public int Count => Volatile.Read(ref _count);

    public void Record()
    {
        var i = _count;
        if (i < AllocatedBytes.Length)
        {
            AllocatedBytes[i] = GC.GetAllocatedBytesForCurrentThread();
            ThreadIds[i] = Environment.CurrentManagedThreadId;
        }

        Volatile.Write(ref _count, i + 1);
    }

    /// <summary>
    /// Why entries <paramref name="from"/> to <paramref name="to"/> are not allocation-free per entry, or
    /// <see langword="null"/>. An allocation on the path of every entry shows in (nearly) every entry of the window;
    /// at most <see cref="OneOffsTolerated"/> entries may hold a one-off (the runtime's own first-time work on the
    /// thread, seen now and then under load: 3–6 KB once in 20,000–70,000 entries), which the message names anyway.
    /// </summary>
    public string? WhyNotAllocationFree(int from, int to)
    {
        var events = new System.Collections.Generic.List<string>();
        long total = 0;
        for (var i = from + 1; i <= to; i++)
        {
            var delta = AllocatedBytes[i] - AllocatedBytes[i - 1];
            if (delta != 0)
            {
                events.Add($"#{i}: {delta} B");
                total += delta;
            }
        }

        return events.Count <= OneOffsTolerated
            ? null
            : $"{events.Count} of {to - from} entries allocated, {total} B in all ({string.Join(", ", events.GetRange(0, Math.Min(10, events.Count)))})";
    }

    /// <summary>How many entries of a window may hold a one-off allocation that is not the path's own.</summary>
    public const int OneOffsTolerated = 2;
}

/// <summary>
/// Wraps an endpoint and records, as each request is served, the bytes allocated so far by the serving thread.
/// With the epoll transport every request on a connection is served on the same worker thread, so the difference
/// between two requests covers everything that thread did in between: receive, parse, serve, send, epoll.
/// </summary>
public readonly struct Measuring<TInner>(TInner inner, AllocationLog log) : IHttpEndpoint
    where TInner : struct, IHttpEndpoint
{
    public static int HeaderSlotCount => TInner.HeaderSlotCount;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => TInner.HeaderSlot(name);

    public RouteMatch Serve(HttpExchange exchange)
    {
        log.Record();
        return inner.Serve(exchange);
    }
}

/// <summary>A keep-alive request in steady state allocates nothing on the epoll worker, end to end.</summary>
public sealed class ServerAllocationTests
{
    private const int Warmup = 1_000;
    private const int Measured = 10_000;
    private const int Capacity = 500_000;

    // The worker's once-a-second housekeeping (timeouts) must fall inside the measured window too.
    private static readonly TimeSpan MeasuredAtLeast = TimeSpan.FromSeconds(2.5);

    [Theory]
    [InlineData("/plaintext", "Hello, World!")]
    [InlineData("/users/12345", "{\"id\":12345}")]
    public Task Steady_state_keep_alive_request_allocates_nothing_on_the_epoll_worker(string path, string body)
        => AssertSteadyStateAllocatesNothing<TestEndpoint>(default, path, body);

    /// <summary>The sample API's generated endpoint, the routes the README and the load race use.</summary>
    [Theory]
    [InlineData("/plaintext", "Hello, World!")]
    [InlineData("/users/12345", "{\"id\":12345}")]
    public Task Sample_api_routes_allocate_nothing_per_request_on_a_keep_alive_connection(string path, string body)
        => AssertSteadyStateAllocatesNothing<HyperRoute.Samples.Api.ShopApi.HttpEndpoint>(default, path, body);

    /// <summary>
    /// An <c>async ValueTask</c> handler that completes without awaiting takes the synchronous path: its task is
    /// not boxed, the connection does not park, nothing is allocated.
    /// </summary>
    [Fact]
    public Task Async_handler_that_completes_synchronously_allocates_nothing_per_request()
        => AssertSteadyStateAllocatesNothing(new Async.AsyncTestEndpoint(new Async.AsyncHandlerState()), "/sync", "sync");

    /// <summary>
    /// The sample's <c>async ValueTask GetOrder</c>, awaiting its store with no latency: the generated endpoint
    /// completes it in place, and the route allocates nothing per request, JSON answer included.
    /// </summary>
    [Fact]
    public async Task Sample_async_order_route_that_completes_synchronously_allocates_nothing_per_request()
    {
        var order = await HyperRoute.Samples.Api.OrderStore.AddAsync(new HyperRoute.Samples.Api.Order("A-1", 3), default);
        await AssertSteadyStateAllocatesNothing<HyperRoute.Samples.Api.ShopApi.HttpEndpoint>(
            default, $"/orders/{order.Id}", $"{{\"id\":{order.Id},\"sku\":\"A-1\",\"quantity\":3}}");
    }

    private static async Task AssertSteadyStateAllocatesNothing<TEndpoint>(TEndpoint endpoint, string path, string body)
        where TEndpoint : struct, IHttpEndpoint
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the epoll transport is Linux-only; the sockets transport allocates per receive by design
        }

        var log = new AllocationLog(Capacity);
        var last = 0;
        var server = HttpServer.Start(new Measuring<TEndpoint>(endpoint, log), new HttpServerOptions { Port = 0, Workers = 1, UseEpoll = true });
        try
        {
            Assert.Equal("epoll", server.Transport);
            using var client = RawHttpClient.Connect(server.EndPoint);
            var request = Requests.Get(path);
            var clock = new Stopwatch();
            for (var i = 0; i < Capacity && (i <= Warmup + Measured || clock.Elapsed < MeasuredAtLeast); i++)
            {
                if (i == Warmup)
                {
                    clock.Start();
                }

                last = i;
                client.Send(request);
                var response = client.Read();
                if (response.Status != 200 || response.BodyText != body)
                {
                    Assert.Fail($"Request {i}: {response.Status} '{response.BodyText}'.");
                }
            }
        }
        finally
        {
            await server.StopAsync(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(last + 1, log.Count);
        Assert.All(log.ThreadIds.AsSpan(Warmup, last + 1 - Warmup).ToArray(), id => Assert.Equal(log.ThreadIds[Warmup], id));
        var why = log.WhyNotAllocationFree(Warmup, last);
        Assert.True(why is null, $"{last - Warmup} requests on the worker: {why}");
    }
}
