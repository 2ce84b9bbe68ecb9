using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// The failure rules <see cref="ProxyTests"/> and <see cref="PoolTimeoutTests"/> leave out, each with its exact answer:
/// no backend up (503), an idempotent request whose connect times out (another backend), a body that stalls before
/// anything went out to the client (504).
/// </summary>
public sealed class FailureAnswerTests
{
    private static TestServer<ProxyTestEndpoint> Start(DestinationGroup<HttpBackend> members, ProxyOptions? options = null)
        => TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(new BackendGroup(members, options)), "epoll");

    [Fact]
    public async Task When_no_backend_is_up_the_request_gets_503()
    {
        var health = new DestinationHealth(1, new HealthPolicy { FailureThreshold = 1, RetryInterval = TimeSpan.FromMinutes(10), MaxRetryInterval = TimeSpan.FromMinutes(10) });
        await using var server = Start(new RoundRobinGroup<HttpBackend>([new HttpBackend(ProxyTests.ClosedPort())], health));
        using var client = server.Connect();

        client.Send(Requests.Get("/x"));
        Assert.Equal(502, client.Read().Status); // the refused connect marks the only backend down
        client.Send(Requests.Get("/x"));
        var response = client.Read();

        Assert.Equal(503, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Contains("No backend is available", response.BodyText, StringComparison.Ordinal);
        Assert.False(response.SaysClose);
    }

    [Fact]
    public async Task An_idempotent_request_whose_connect_times_out_goes_to_another_backend()
    {
        using var unresponsive = new UnresponsiveListener();
        using var alive = ScriptedBackend.Named("alive");
        var pool = new BackendPoolOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) };
        await using var server = Start(new RoundRobinGroup<HttpBackend>([new HttpBackend(unresponsive.EndPoint, pool), new HttpBackend(alive.EndPoint, pool)]));
        using var client = server.Connect();
        for (var i = 0; i < 2; i++) // round-robin: one of the two starts on the unresponsive backend
        {
            client.Send(Requests.Get("/r"));
            Assert.Equal("alive:/r", client.Read().BodyText);
        }
    }

    [Fact]
    public async Task A_body_that_stalls_before_anything_went_out_is_answered_504()
    {
        // The backend runs on a thread of its own, so the head goes out at once however busy the thread pool is (this
        // class runs beside LoadTests): what runs out is the wait for the rest of the body, not for the head.
        using var backend = new StallingBackend("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part"u8.ToArray());
        await using var server = Start(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]), new ProxyOptions { ResponseTimeout = TimeSpan.FromSeconds(1) });
        using var client = server.Connect();

        client.Send(Requests.Get("/stall"));
        var response = client.Read();

        Assert.Equal(504, response.Status);
        Assert.Contains("stopped sending the response", response.BodyText, StringComparison.Ordinal);
        client.Send(Requests.Get("/stall"));
        Assert.Equal(504, client.Read().Status);
        Assert.Equal(2, backend.Connections); // the stalled connection was discarded, not reused
    }

    /// <summary>
    /// A backend on a dedicated thread: each connection gets <c>reply</c> once its request head is in, then nothing
    /// more (the connection is held open until disposal).
    /// </summary>
    private sealed class StallingBackend : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<Socket> _held = [];
        private readonly byte[] _reply;
        private int _connections;

        public StallingBackend(byte[] reply)
        {
            _reply = reply;
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(16);
            new Thread(Run) { IsBackground = true, Name = "stalling backend" }.Start();
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _listener.Dispose();
            lock (_held)
            {
                foreach (var socket in _held)
                {
                    socket.Dispose();
                }
            }
        }

        private void Run()
        {
            var buffer = new byte[8192];
            try
            {
                while (true)
                {
                    var socket = _listener.Accept();
                    lock (_held)
                    {
                        _held.Add(socket);
                    }

                    var length = 0;
                    while (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) < 0)
                    {
                        var received = socket.Receive(buffer.AsSpan(length));
                        if (received == 0)
                        {
                            break;
                        }

                        length += received;
                    }

                    Interlocked.Increment(ref _connections);
                    socket.Send(_reply);
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // disposed: the test is over
            }
        }
    }

    /// <summary>
    /// A loopback listener whose accept queue is full (nobody accepts): the kernel drops further SYNs, so a connect
    /// neither succeeds nor is refused until its own time limit.
    /// </summary>
    private sealed class UnresponsiveListener : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<Socket> _queued = [];

        public UnresponsiveListener()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(0);
            for (var i = 0; i < 16; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _queued.Add(socket);
                using var limit = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                try
                {
                    socket.ConnectAsync(EndPoint, limit.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    return; // this connect waits for ever: the queue is full
                }
            }

            throw new InvalidOperationException("The listener's accept queue never filled.");
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

        public void Dispose()
        {
            foreach (var socket in _queued)
            {
                socket.Dispose();
            }

            _listener.Dispose();
        }
    }
}
