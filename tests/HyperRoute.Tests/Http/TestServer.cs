using System;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>The two transports every important test runs against: the Linux epoll event loop and async sockets.</summary>
public static class Transports
{
    public static readonly string[] Names = ["epoll", "sockets"];

    public static TheoryData<string> Both => new(Names);
}

/// <summary>A <see cref="TestEndpoint"/> server: <see cref="TestServer{TEndpoint}"/> over the hand-written test routes.</summary>
public static class TestServer
{
    public static TestServer<TestEndpoint> Start(string transport, Func<HttpServerOptions, HttpServerOptions>? configure = null)
        => TestServer<TestEndpoint>.Start(default, transport, configure);
}

/// <summary>
/// A server on a free loopback port with the chosen transport, recording handler errors; disposing stops it.
/// Tests that need short timeouts or small limits pass them in.
/// </summary>
public sealed class TestServer<TEndpoint> : IAsyncDisposable
    where TEndpoint : struct, IHttpEndpoint
{
    private TestServer(HttpServer<TEndpoint> server, ConcurrentQueue<Exception> handlerErrors, ConcurrentQueue<Exception> connectionFaults)
    {
        Server = server;
        HandlerErrors = handlerErrors;
        ConnectionFaults = connectionFaults;
    }

    public HttpServer<TEndpoint> Server { get; }

    public ConcurrentQueue<Exception> HandlerErrors { get; }

    /// <summary>Failures of the server itself (not of a handler); every test that disposes the server asserts there were none.</summary>
    public ConcurrentQueue<Exception> ConnectionFaults { get; }

    public IPEndPoint EndPoint => Server.EndPoint;

    public static TestServer<TEndpoint> Start(TEndpoint endpoint, string transport, Func<HttpServerOptions, HttpServerOptions>? configure = null)
    {
        Assert.True(transport is "epoll" or "sockets", transport);
        var errors = new ConcurrentQueue<Exception>();
        var faults = new ConcurrentQueue<Exception>();
        var options = new HttpServerOptions { Port = 0, Workers = 1, UseEpoll = transport == "epoll", OnHandlerError = errors.Enqueue, OnConnectionFault = faults.Enqueue };
        options = configure?.Invoke(options) ?? options;
        var server = HttpServer.Start(endpoint, options);
        Assert.Equal(OperatingSystem.IsLinux() ? transport : "sockets", server.Transport);
        Assert.True(IPAddress.IsLoopback(server.EndPoint.Address));
        return new TestServer<TEndpoint>(server, errors, faults);
    }

    public RawHttpClient Connect(TimeSpan? timeout = null) => RawHttpClient.Connect(EndPoint, timeout);

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(TimeSpan.FromSeconds(2));
        Assert.True(ConnectionFaults.IsEmpty, $"The server failed on a connection: {string.Join(Environment.NewLine, ConnectionFaults)}");
        Assert.Equal(0, Server.ConnectionFaults);
    }
}
