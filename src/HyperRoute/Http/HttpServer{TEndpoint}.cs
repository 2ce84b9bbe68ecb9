using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Server;
using HyperRoute.Http.Server.Epoll;
using HyperRoute.Http.Server.Sockets;

namespace HyperRoute.Http;

/// <summary>
/// The built-in HTTP/1.1 server, specialised for one router: its parser captures that router's bound headers,
/// and each request is a direct call into the generated dispatcher. On Linux, each worker is an epoll event
/// loop with its own <c>SO_REUSEPORT</c> listening socket; elsewhere, accept loops hand each connection to an
/// async socket loop and a heartbeat enforces the timeouts.
/// </summary>
public sealed partial class HttpServer<TEndpoint> : IAsyncDisposable
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly IServerTransport _transport;
    private readonly object _stopLock = new();
    private volatile bool _stopping;
    private long _requests;
    private long _rejections;
    private long _accepted;
    private long _faults;
    private int _open;
    private Task? _stopTask;

    private HttpServer(TEndpoint endpoint, HttpServerOptions options, Socket[] listeners, bool epoll)
    {
        Options = options;
        ListenerCount = listeners.Length;
        EndPoint = (IPEndPoint)listeners[0].LocalEndPoint!;
        (Metrics, Log) = CreateTelemetry();
        _transport = epoll
            ? new EpollTransport<TEndpoint>(this, endpoint, listeners, options.Workers)
            : new SocketTransport<TEndpoint>(this, endpoint, listeners, options.Workers);
        LogStarted();
    }

    // An in-memory host (HyperRoute.Http.InMemory): no listener and no loop of its own; its connections are
    // driven by the caller, through the same Http1Connection as the socket transports.
    internal HttpServer(HttpServerOptions options, IServerTransport transport)
    {
        Options = options;
        EndPoint = new IPEndPoint(IPAddress.None, 0);
        (Metrics, Log) = CreateTelemetry();
        _transport = transport;
    }

    /// <summary>The options the server runs with.</summary>
    public HttpServerOptions Options { get; }

    /// <summary>The bound address and port (the real port when <see cref="HttpServerOptions.Port"/> was 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The number of listening sockets: one per worker with <c>SO_REUSEPORT</c>, else one.</summary>
    public int ListenerCount { get; }

    /// <summary>How connections are served: <c>epoll</c> (Linux event loops) or <c>sockets</c> (async socket loops).</summary>
    public string Transport => _transport.Name;

    /// <summary>Requests answered by a handler or a routing error (404, 405, 400 from binding).</summary>
    public long RequestsServed => Interlocked.Read(ref _requests);

    /// <summary>Requests rejected by the parser or a limit (400, 408, 413, 414, 417, 431, 501, 505).</summary>
    public long RequestsRejected => Interlocked.Read(ref _rejections);

    /// <summary>
    /// Connections dropped because the server itself failed on them (a bug: an exception outside any handler).
    /// Such a fault is contained to its connection and reported to <see cref="HttpServerOptions.OnConnectionFault"/>.
    /// </summary>
    public long ConnectionFaults => Interlocked.Read(ref _faults);

    /// <summary>Connections accepted since the start.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Connections open now.</summary>
    public int ConnectionsOpen => Volatile.Read(ref _open);

    internal static HttpServer<TEndpoint> Start(TEndpoint endpoint, HttpServerOptions options)
    {
        options.Validate();
        var listeners = Listeners.Open(options);
        return new HttpServer<TEndpoint>(endpoint, options, listeners, epoll: options.UseEpoll && OperatingSystem.IsLinux());
    }

    /// <summary>
    /// Stops accepting, lets requests in progress finish (their responses say <c>Connection: close</c>), closes
    /// idle connections at once, and after <paramref name="deadline"/> (default
    /// <see cref="HttpServerOptions.ShutdownTimeout"/>) closes whatever is left.
    /// </summary>
    public Task StopAsync(TimeSpan? deadline = null)
    {
        lock (_stopLock)
        {
            return _stopTask ??= StopCoreAsync(deadline ?? Options.ShutdownTimeout);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary><see cref="StopAsync"/> was called: responses from now on close their connections.</summary>
    internal bool IsStopping => _stopping;

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountRejection() => Interlocked.Increment(ref _rejections);

    internal void ConnectionAccepted()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
        Metrics.AddActiveConnection(1);
    }

    internal void ConnectionClosed()
    {
        Interlocked.Decrement(ref _open);
        Metrics.AddActiveConnection(-1);
    }

    internal void ReportConnectionFault(Exception exception)
    {
        Interlocked.Increment(ref _faults);
        LogConnectionFault(exception);
        try
        {
            Options.OnConnectionFault?.Invoke(exception);
        }
        catch (Exception callbackFault)
        {
            LogCallbackFault(nameof(HttpServerOptions.OnConnectionFault), callbackFault); // and carry on, as above
        }
    }

    /// <summary><see cref="ReportHandlerError"/> without a route, as one delegate for every upgraded connection.</summary>
    internal Action<Exception> HandlerErrorReporter => _handlerErrorReporter ??= exception => ReportHandlerError(exception);

    private Action<Exception>? _handlerErrorReporter;

    internal void ReportHandlerError(Exception exception, int route = -1)
    {
        LogHandlerFault(exception, route);
        try
        {
            Options.OnHandlerError?.Invoke(exception);
        }
        catch (Exception callbackFault)
        {
            LogCallbackFault(nameof(HttpServerOptions.OnHandlerError), callbackFault); // it must not take the connection down with it
        }
    }

    private async Task StopCoreAsync(TimeSpan deadline)
    {
        _stopping = true;
        LogStopping(deadline);
        await _transport.StopAsync(deadline).ConfigureAwait(false);
        LogStopped();
    }
}
