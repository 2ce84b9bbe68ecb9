using System;
using System.Net;

namespace HyperRoute.Http;

/// <summary>How the built-in server listens and what it tolerates. Every limit and timeout defaults to Kestrel's.</summary>
public sealed partial record HttpServerOptions
{
    /// <summary>The address to listen on; loopback unless changed.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (read it back from <see cref="HttpServer{TEndpoint}.EndPoint"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>
    /// The number of accept loops. Where the OS has <c>SO_REUSEPORT</c> (Linux) each has its own listening
    /// socket on the same port and the kernel spreads connections across them; elsewhere they share one.
    /// Default: the processor count.
    /// </summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Use one <c>SO_REUSEPORT</c> socket per worker where the OS supports it. Default on.</summary>
    public bool ReusePort { get; init; } = true;

    /// <summary>
    /// Share the port with other sockets that listen on it with <c>SO_REUSEPORT</c> (other servers of this process, or
    /// other processes of the same user), the kernel spreading connections across all of them: several instances of
    /// one stateless service on one host. Off by default: a server refuses to start
    /// (<see cref="HttpServerAddressInUseException"/>) when anything already listens on its address and port, so that a
    /// second instance started by mistake does not silently take half the connections. The workers of one server
    /// share their port either way. Linux only; elsewhere the port is never shared.
    /// </summary>
    public bool SharePort { get; init; }

    /// <summary>
    /// On Linux, serve connections from epoll event-loop threads (one per worker) rather than async socket
    /// loops on the thread pool. Faster (no thread-pool hops), but handlers run on the event loop, so a handler
    /// that blocks delays the other connections of its worker. Default on; ignored elsewhere.
    /// </summary>
    public bool UseEpoll { get; init; } = true;

    /// <summary>The listen backlog.</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>Request size limits (414, 431, 413).</summary>
    public HttpLimits Limits { get; init; } = HttpLimits.Default;

    /// <summary>How long an idle keep-alive connection is kept open waiting for the next request. Default 130 s.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(130);

    /// <summary>How long a request head may take to arrive once it has started; then 408 and close. Default 30 s.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server waits for more bytes of a request body before answering 408 and closing. Default 30 s.</summary>
    public TimeSpan RequestBodyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="HttpServer{TEndpoint}.StopAsync"/> lets in-flight requests finish before closing their connections. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an asynchronous handler may take before its <c>CancellationToken</c> is cancelled and the request
    /// is answered 504 (<c>application/problem+json</c>); a route's <see cref="HandlerTimeoutAttribute"/> overrides
    /// it. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. Default 30 s.
    /// </summary>
    public TimeSpan HandlerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The application's services, from which handler parameters marked <see cref="FromServicesAttribute"/> (or
    /// <c>[FromKeyedServices]</c>) are resolved: a scope per request, created only when a route resolves a service and
    /// disposed when the request is answered. Default: none (such a parameter fails its request with a 500).
    /// </summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Called when a handler throws (the client gets a 500 and the connection is closed). Default: nothing.</summary>
    public Action<Exception>? OnHandlerError { get; init; }

    /// <summary>
    /// Called when the server fails on a connection outside any handler (a bug in the server): the connection is
    /// dropped, the others carry on. Default: nothing; <see cref="HttpServer{TEndpoint}.ConnectionFaults"/> counts them.
    /// </summary>
    public Action<Exception>? OnConnectionFault { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        ArgumentNullException.ThrowIfNull(Limits);
        Limits.Validate();
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0-65535 (0 picks a free port).");
        }

        if (Workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "Workers must be at least 1.");
        }

        foreach (var (value, name) in new[] { (KeepAliveTimeout, nameof(KeepAliveTimeout)), (RequestHeadersTimeout, nameof(RequestHeadersTimeout)), (RequestBodyTimeout, nameof(RequestBodyTimeout)) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
            }
        }

        if (HandlerTimeout <= TimeSpan.Zero && HandlerTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(HandlerTimeout), HandlerTimeout, "HandlerTimeout must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        }
    }
}
