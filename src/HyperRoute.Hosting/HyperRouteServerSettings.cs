using System;
using System.Net;
using HyperRoute.Http;

namespace HyperRoute.Hosting;

/// <summary>
/// The built-in server's settings as configuration holds them (<c>appsettings.json</c>, environment, command line),
/// for example <c>"HyperRoute": { "Port": 8080, "Address": "0.0.0.0", "Workers": 4, "Limits": { "MaxRequestBodySize": 1048576 } }</c>.
/// Whatever is left out keeps <see cref="HttpServerOptions"/>'s default (Kestrel's).
/// </summary>
public sealed class HyperRouteServerSettings
{
    /// <summary>The address to listen on (an IP address); default loopback.</summary>
    public string? Address { get; set; }

    /// <summary>The port; 0 picks a free one. Default 8080.</summary>
    public int? Port { get; set; }

    /// <summary>The number of workers; default the processor count.</summary>
    public int? Workers { get; set; }

    /// <summary>One <c>SO_REUSEPORT</c> socket per worker; default on.</summary>
    public bool? ReusePort { get; set; }

    /// <summary>Share the port with other instances (<see cref="HttpServerOptions.SharePort"/>); default off.</summary>
    public bool? SharePort { get; set; }

    /// <summary>epoll event loops on Linux; default on.</summary>
    public bool? UseEpoll { get; set; }

    /// <summary>The listen backlog; default 512.</summary>
    public int? Backlog { get; set; }

    /// <summary>See <see cref="HttpServerOptions.KeepAliveTimeout"/> (a <c>TimeSpan</c>: <c>"00:02:10"</c>).</summary>
    public TimeSpan? KeepAliveTimeout { get; set; }

    /// <summary>See <see cref="HttpServerOptions.RequestHeadersTimeout"/>.</summary>
    public TimeSpan? RequestHeadersTimeout { get; set; }

    /// <summary>See <see cref="HttpServerOptions.RequestBodyTimeout"/>.</summary>
    public TimeSpan? RequestBodyTimeout { get; set; }

    /// <summary>See <see cref="HttpServerOptions.HandlerTimeout"/>.</summary>
    public TimeSpan? HandlerTimeout { get; set; }

    /// <summary>The request size limits.</summary>
    public HyperRouteLimitSettings Limits { get; set; } = new();

    /// <summary>Applies these settings over <paramref name="options"/>.</summary>
    /// <exception cref="FormatException"><see cref="Address"/> is not an IP address.</exception>
    public HttpServerOptions ApplyTo(HttpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            Address = Address is null ? options.Address : ParseAddress(Address),
            Port = Port ?? options.Port,
            Workers = Workers ?? options.Workers,
            ReusePort = ReusePort ?? options.ReusePort,
            SharePort = SharePort ?? options.SharePort,
            UseEpoll = UseEpoll ?? options.UseEpoll,
            Backlog = Backlog ?? options.Backlog,
            KeepAliveTimeout = KeepAliveTimeout ?? options.KeepAliveTimeout,
            RequestHeadersTimeout = RequestHeadersTimeout ?? options.RequestHeadersTimeout,
            RequestBodyTimeout = RequestBodyTimeout ?? options.RequestBodyTimeout,
            HandlerTimeout = HandlerTimeout ?? options.HandlerTimeout,
            Limits = Limits.ApplyTo(options.Limits),
        };
    }

    internal static IPAddress ParseAddress(string address)
        => IPAddress.TryParse(address, out var parsed)
            ? parsed
            : throw new FormatException($"The configured address '{address}' is not an IP address (such as 127.0.0.1, 0.0.0.0 or ::).");
}

/// <summary>The request size limits as configuration holds them; see <see cref="HttpLimits"/>.</summary>
public sealed class HyperRouteLimitSettings
{
    /// <summary>See <see cref="HttpLimits.MaxRequestLineSize"/>.</summary>
    public int? MaxRequestLineSize { get; set; }

    /// <summary>See <see cref="HttpLimits.MaxRequestHeadersTotalSize"/>.</summary>
    public int? MaxRequestHeadersTotalSize { get; set; }

    /// <summary>See <see cref="HttpLimits.MaxRequestHeaderCount"/>.</summary>
    public int? MaxRequestHeaderCount { get; set; }

    /// <summary>See <see cref="HttpLimits.MaxRequestBodySize"/>.</summary>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>See <see cref="HttpLimits.MaxChunkLineSize"/>.</summary>
    public int? MaxChunkLineSize { get; set; }

    /// <summary>Applies these limits over <paramref name="limits"/>.</summary>
    public HttpLimits ApplyTo(HttpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits with
        {
            MaxRequestLineSize = MaxRequestLineSize ?? limits.MaxRequestLineSize,
            MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize ?? limits.MaxRequestHeadersTotalSize,
            MaxRequestHeaderCount = MaxRequestHeaderCount ?? limits.MaxRequestHeaderCount,
            MaxRequestBodySize = MaxRequestBodySize ?? limits.MaxRequestBodySize,
            MaxChunkLineSize = MaxChunkLineSize ?? limits.MaxChunkLineSize,
        };
    }
}
