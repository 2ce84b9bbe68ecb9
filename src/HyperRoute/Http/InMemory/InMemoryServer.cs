using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Server;

namespace HyperRoute.Http.InMemory;

/// <summary>
/// Serves a router's generated endpoint in memory, for tests: requests go through the same HTTP/1.1 engine as
/// <see cref="HttpServer"/> (parser, limits, dispatcher, validators and transforms, results, problem+json answers,
/// asynchronous handlers and their time limits) with no socket and no port.
/// </summary>
public static class InMemoryServer
{
    /// <summary>An in-memory server for <paramref name="endpoint"/> (a router's generated <c>HttpEndpoint</c>).</summary>
    public static InMemoryServer<TEndpoint> Create<TEndpoint>(TEndpoint endpoint, HttpServerOptions? options = null)
        where TEndpoint : struct, IHttpEndpoint
        => new(endpoint, options ?? new HttpServerOptions());

    /// <summary>
    /// An <see cref="HttpClient"/> whose requests are served in memory by <paramref name="endpoint"/>; its
    /// <see cref="HttpClient.BaseAddress"/> is <c>http://localhost/</c>.
    /// </summary>
    public static HttpClient CreateClient<TEndpoint>(TEndpoint endpoint, HttpServerOptions? options = null)
        where TEndpoint : struct, IHttpEndpoint
        => Create(endpoint, options).CreateClient();
}

/// <summary>
/// A router's endpoint served in memory (see <see cref="InMemoryServer"/>). Each request runs on a connection of its
/// own; nothing is shared between requests but the endpoint and the counters.
/// </summary>
public sealed class InMemoryServer<TEndpoint>
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly TEndpoint _endpoint;
    private readonly HttpServer<TEndpoint> _server;

    internal InMemoryServer(TEndpoint endpoint, HttpServerOptions options)
    {
        options.Validate();
        _endpoint = endpoint;
        _server = new HttpServer<TEndpoint>(options, NoTransport.Instance);
    }

    /// <summary>The options requests are served with (their limits and time limits apply; socket settings do not).</summary>
    public HttpServerOptions Options => _server.Options;

    /// <summary>Requests answered by a handler or a routing error (404, 405, 400 from binding).</summary>
    public long RequestsServed => _server.RequestsServed;

    /// <summary>Requests rejected by the parser or a limit (400, 408, 413, 414, 417, 431, 501, 505).</summary>
    public long RequestsRejected => _server.RequestsRejected;

    /// <summary>Connections on which the engine itself failed (a bug); the request's task faults too.</summary>
    public long ConnectionFaults => _server.ConnectionFaults;

    /// <summary>Connections opened so far: one per request sent.</summary>
    public long ConnectionsOpened => _server.ConnectionsAccepted;

    /// <summary>An <see cref="HttpClient"/> served by this server, with <c>http://localhost/</c> as its base address.</summary>
    public HttpClient CreateClient() => new(CreateHandler()) { BaseAddress = new Uri("http://localhost/") };

    /// <summary>An <see cref="HttpMessageHandler"/> served by this server (for an <see cref="HttpClient"/> of your own).</summary>
    public HttpMessageHandler CreateHandler() => new InMemoryHandler<TEndpoint>(this);

    /// <summary>
    /// Sends raw bytes on a new connection, as a client that writes them and then half-closes, and returns every
    /// byte the server would have sent back: all responses (pipelined requests are answered in order), up to the
    /// connection's close or the end of the input. For tests of framing and protocol errors.
    /// </summary>
    public Task<byte[]> SendRawAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
        => new InMemoryConnection<TEndpoint>(_server, _endpoint).RunAsync(request, cancellationToken);

    private sealed class NoTransport : IServerTransport
    {
        public static readonly NoTransport Instance = new();

        public string Name => "in-memory";

        public Task StopAsync(TimeSpan deadline) => Task.CompletedTask;
    }
}
