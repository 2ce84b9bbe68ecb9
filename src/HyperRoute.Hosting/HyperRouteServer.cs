using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperRoute.Hosting;

/// <summary>
/// The built-in server for one router as a Generic Host service: started with the host (options from configuration,
/// handlers' services from the host's container, a scope per request where a route needs one), stopped with it,
/// letting in-flight requests finish within the host's shutdown timeout (<see cref="HostOptions.ShutdownTimeout"/>).
/// Resolve it to read the bound <see cref="EndPoint"/> or the server's counters.
/// </summary>
public sealed class HyperRouteServer<TEndpoint> : IHostedService, IAsyncDisposable
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly IServiceProvider _services;
    private readonly Func<IServiceProvider, TEndpoint> _createEndpoint;
    private readonly HttpServerOptions _options;
    private readonly TimeSpan _shutdownTimeout;
    private HttpServer<TEndpoint>? _server;

    internal HyperRouteServer(
        IServiceProvider services,
        Func<IServiceProvider, TEndpoint> createEndpoint,
        HttpServerOptions options,
        IOptions<HostOptions> hostOptions,
        ILoggerFactory? loggerFactory)
    {
        _services = services;
        _createEndpoint = createEndpoint;
        _shutdownTimeout = hostOptions.Value.ShutdownTimeout;
        _options = options with
        {
            Services = options.Services ?? services,
            ShutdownTimeout = _shutdownTimeout,
            // The server logs its own events to the host's logging: a handler fault once, as HandlerFault with its route.
            LoggerFactory = options.LoggerFactory ?? loggerFactory,
        };
        _options.Validate();
    }

    /// <summary>The options the server runs with: configuration over the defaults, then the code's own changes.</summary>
    public HttpServerOptions Options => _options;

    /// <summary>The running server; <see langword="null"/> before the host started it.</summary>
    public HttpServer<TEndpoint>? Server => _server;

    /// <summary>The bound address and port (the real port when the configured one was 0).</summary>
    /// <exception cref="InvalidOperationException">The host has not started the server.</exception>
    public IPEndPoint EndPoint => _server?.EndPoint ?? throw new InvalidOperationException("The server starts with the host; it has not started yet.");

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _server = HttpServer.Start(_createEndpoint(_services), _options);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops accepting, lets requests in progress finish within the host's shutdown timeout, then closes what is left;
    /// returns early when <paramref name="cancellationToken"/> (the host's own deadline) fires.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server)
        {
            return;
        }

        try
        {
            await server.StopAsync(_shutdownTimeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting; the server's own deadline closes the connections left.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
