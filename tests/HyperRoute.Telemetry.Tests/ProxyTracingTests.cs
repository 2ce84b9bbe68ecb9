using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace HyperRoute.Telemetry.Tests;

/// <summary>
/// The reverse proxy passes the trace on: with a listener sampling the server's spans, the backend's
/// <c>traceparent</c> names the proxy's span as its parent (the client's is replaced) and carries the span's
/// <c>tracestate</c>; with no listener, the client's fields pass through untouched, as any end-to-end field.
/// </summary>
public sealed class ProxyTracingTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string ClientSpanId = "b7ad6b7169203331";
    private const string ClientTraceParent = $"00-{TraceId}-{ClientSpanId}-01";

    public static TheoryData<bool> Transports => new(true, false); // epoll, sockets

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_traced_request_reaches_the_backend_as_a_child_of_the_proxy_s_span(bool epoll)
    {
        var spans = new List<Activity>();
        using var backend = new RecordingBackend();
        using (Sdk.CreateTracerProviderBuilder().AddSource("HyperRoute.Http").AddInMemoryExporter(spans).Build())
        {
            await using var proxy = Proxy.Start(backend, epoll);
            proxy.Get("/traced", $"traceparent: {ClientTraceParent}\r\ntracestate: congo=t61rcWkgMzE\r\n");
        }

        var span = Assert.Single(spans);
        var seen = Assert.Single(backend.Heads);
        Assert.Equal(TraceId, span.TraceId.ToHexString());
        Assert.Equal([$"00-{TraceId}-{span.SpanId.ToHexString()}-01"], Values(seen, "traceparent"));
        Assert.NotEqual(ClientSpanId, span.SpanId.ToHexString());
        Assert.Equal(["congo=t61rcWkgMzE"], Values(seen, "tracestate"));
    }

    [Fact]
    public async Task A_request_without_a_trace_reaches_the_backend_in_the_trace_its_span_started()
    {
        var spans = new List<Activity>();
        using var backend = new RecordingBackend();
        using (Sdk.CreateTracerProviderBuilder().AddSource("HyperRoute.Http").AddInMemoryExporter(spans).Build())
        {
            await using var proxy = Proxy.Start(backend, epoll: true);
            proxy.Get("/new", "tracestate: orphan=1\r\n"); // a tracestate without a traceparent belongs to no trace
        }

        var span = Assert.Single(spans);
        var seen = Assert.Single(backend.Heads);
        Assert.Equal(default, span.ParentSpanId);
        var flags = ((int)span.ActivityTraceFlags).ToString("x2", System.Globalization.CultureInfo.InvariantCulture); // 03: sampled, random id
        Assert.Equal([$"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-{flags}"], Values(seen, "traceparent"));
        Assert.Empty(Values(seen, "tracestate"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Without_a_listener_the_client_s_trace_context_passes_through_unchanged(bool epoll)
    {
        Assert.False(new ActivitySource("HyperRoute.Http").HasListeners(), "Something in this process listens to HyperRoute.Http spans.");
        using var backend = new RecordingBackend();
        await using var proxy = Proxy.Start(backend, epoll);
        proxy.Get("/plain", $"traceparent: {ClientTraceParent}\r\ntracestate: congo=t61rcWkgMzE\r\n");

        var seen = Assert.Single(backend.Heads);
        Assert.Equal([ClientTraceParent], Values(seen, "traceparent"));
        Assert.Equal(["congo=t61rcWkgMzE"], Values(seen, "tracestate"));
    }

    private static string[] Values(string head, string name) => head.Split("\r\n")
        .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(line => line.Substring(name.Length + 1).Trim())
        .ToArray();

    /// <summary>Every request forwarded to the backend group.</summary>
    private readonly struct ForwardEverything(BackendGroup group) : IHttpEndpoint
    {
        public static int HeaderSlotCount => 0;

        public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

        public RouteMatch Serve(HttpExchange exchange)
        {
            var work = exchange.ForwardAsync(group);
            if (work.IsCompletedSuccessfully)
            {
                work.GetAwaiter().GetResult();
                return RouteMatch.Handled(0);
            }

            return exchange.Suspend(0, work);
        }
    }

    /// <summary>The proxy on a loopback port, and a client that sends one GET and reads its 200.</summary>
    private sealed class Proxy(HttpServer<ForwardEverything> server) : IAsyncDisposable
    {
        public static Proxy Start(RecordingBackend backend, bool epoll)
        {
            var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]));
            return new Proxy(HttpServer.Start(new ForwardEverything(group), new HttpServerOptions { Port = 0, Workers = 1, UseEpoll = epoll }));
        }

        public void Get(string path, string headers)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
            socket.Connect(server.EndPoint);
            socket.Send(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: test\r\n{headers}\r\n"));
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!received.ToString().EndsWith("\r\n\r\nok", StringComparison.Ordinal))
            {
                var count = socket.Receive(buffer);
                Assert.True(count > 0, $"The proxy closed the connection after '{received}'.");
                received.Append(Encoding.ASCII.GetString(buffer, 0, count));
            }

            Assert.StartsWith("HTTP/1.1 200 ", received.ToString(), StringComparison.Ordinal);
        }

        public async ValueTask DisposeAsync() => await server.StopAsync(TimeSpan.FromSeconds(2));
    }

    /// <summary>A backend on a loopback port that records each request head and answers <c>ok</c>.</summary>
    private sealed class RecordingBackend : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public RecordingBackend()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public ConcurrentQueue<string> Heads { get; } = new();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(socket));
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using var _ = socket;
            var pending = new StringBuilder();
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    var count = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (count == 0)
                    {
                        return;
                    }

                    pending.Append(Encoding.Latin1.GetString(buffer, 0, count));
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        Heads.Enqueue(pending.ToString(0, end + 4)); // GETs only: no body follows the head
                        pending.Remove(0, end + 4);
                        await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), SocketFlags.None);
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (SocketException)
            {
            }
        }
    }
}
