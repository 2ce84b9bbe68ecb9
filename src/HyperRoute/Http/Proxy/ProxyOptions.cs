using System;

namespace HyperRoute.Http.Proxy;

/// <summary>Which forwarding headers the proxy adds to each request it passes on.</summary>
[Flags]
public enum ForwardedHeaders
{
    /// <summary>None: the backend sees the request as the client sent it (hop-by-hop headers aside).</summary>
    None = 0,

    /// <summary><c>X-Forwarded-For</c>: the client's address (appended to an incoming list only when it is trusted).</summary>
    XForwardedFor = 1,

    /// <summary><c>X-Forwarded-Proto</c>: the scheme the client used (<c>http</c> on the built-in server).</summary>
    XForwardedProto = 2,

    /// <summary><c>X-Forwarded-Host</c>: the <c>Host</c> the client asked for.</summary>
    XForwardedHost = 4,

    /// <summary>The three <c>X-Forwarded-*</c> headers.</summary>
    XForwarded = XForwardedFor | XForwardedProto | XForwardedHost,

    /// <summary>The standard <c>Forwarded</c> header (RFC 7239): <c>for=…;host=…;proto=http</c>.</summary>
    Forwarded = 8,

    /// <summary><c>Via: 1.1 {ViaName}</c> on the request and on the response (RFC 9110 §7.6.3).</summary>
    Via = 16,
}

/// <summary>What the backend receives as <c>Host</c>.</summary>
public enum HostHeaderMode
{
    /// <summary>The client's <c>Host</c>, unchanged (the default, as nginx's <c>proxy_set_header Host $host</c>).</summary>
    Pass,

    /// <summary>The backend's own authority (<c>host:port</c>, as it was configured).</summary>
    Backend,
}

/// <summary>How a <see cref="BackendGroup"/> forwards requests: headers, host, time limits, buffering.</summary>
public sealed record ProxyOptions
{
    /// <summary>The defaults: <c>X-Forwarded-*</c> and <c>Via</c> added, incoming forwarding headers not trusted, <c>Host</c> passed.</summary>
    public static ProxyOptions Default { get; } = new();

    /// <summary>Forwarding headers added to each request; default <see cref="ForwardedHeaders.XForwarded"/> and <see cref="ForwardedHeaders.Via"/>.</summary>
    public ForwardedHeaders Forwarded { get; init; } = ForwardedHeaders.XForwarded | ForwardedHeaders.Via;

    /// <summary>
    /// Whether incoming <c>X-Forwarded-*</c> and <c>Forwarded</c> headers are passed on (and this hop appended to
    /// them). Off by default: a client could otherwise claim any address; turn it on behind a trusted proxy.
    /// </summary>
    public bool TrustForwardedHeaders { get; init; }

    /// <summary>The <c>Host</c> the backend receives.</summary>
    public HostHeaderMode Host { get; init; } = HostHeaderMode.Pass;

    /// <summary>The pseudonym in <c>Via</c> (a token).</summary>
    public string ViaName { get; init; } = "hyperroute";

    /// <summary>How long the backend may take to send the response head once the request went out (then 504), and the longest pause between two reads of its body (then the response is cut).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest response head accepted from a backend (a larger one is answered 502).</summary>
    public int MaxResponseHeadSize { get; init; } = 32 * 1024;

    /// <summary>
    /// A response body up to this size is gathered and sent with <c>Content-Length</c>; a larger one (or one whose end
    /// is not yet in sight) streams to the client chunked, this many bytes at a time, each flush waiting for the client
    /// (memory stays bounded by it).
    /// </summary>
    public int StreamThreshold { get; init; } = 64 * 1024;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> for one out of range.</summary>
    public void Validate()
    {
        if (ResponseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ResponseTimeout must be positive.", nameof(ResponseTimeout));
        }

        if (MaxResponseHeadSize < 256)
        {
            throw new ArgumentException("MaxResponseHeadSize must be at least 256 bytes.", nameof(MaxResponseHeadSize));
        }

        if (StreamThreshold < 1024)
        {
            throw new ArgumentException("StreamThreshold must be at least 1024 bytes.", nameof(StreamThreshold));
        }

        if (string.IsNullOrEmpty(ViaName) || ViaName.AsSpan().IndexOfAny(" \t\r\n,;()") >= 0)
        {
            throw new ArgumentException("ViaName must be a token.", nameof(ViaName));
        }
    }
}
