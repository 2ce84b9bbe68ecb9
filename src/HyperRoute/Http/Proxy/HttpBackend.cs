using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// An HTTP/1.1 backend: where it listens, its pool of keep-alive connections and its counters. Put backends in a
/// <see cref="BackendGroup"/>; the group's strategy picks one for each request.
/// </summary>
/// <remarks>
/// A backend removed from its group by <see cref="BackendGroup.Update"/> still finishes the requests it has; dispose
/// it afterwards to close its idle connections (busy ones close when their request ends).
/// </remarks>
public sealed class HttpBackend : IDisposable
{
    private readonly BackendCounters _counters = new();

    /// <summary>A backend at <paramref name="endPoint"/>, with a pool shaped by <paramref name="options"/>.</summary>
    public HttpBackend(IPEndPoint endPoint, BackendPoolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= BackendPoolOptions.Default;
        options.Validate();
        EndPoint = endPoint;
        Authority = endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{endPoint.Address}]:{endPoint.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{endPoint.Address}:{endPoint.Port.ToString(CultureInfo.InvariantCulture)}";
        AuthorityBytes = Encoding.ASCII.GetBytes(Authority);
        Pool = new BackendPool(endPoint, options);
    }

    /// <summary>Where the backend listens.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary><c>host:port</c>, as sent in <c>Host</c> under <see cref="HostHeaderMode.Backend"/>.</summary>
    public string Authority { get; }

    internal byte[] AuthorityBytes { get; }

    internal BackendPool Pool { get; }

    internal BackendCounters Counters => _counters;

    /// <summary>Parses <c>address:port</c> (<c>127.0.0.1:9001</c>, <c>[::1]:9001</c>).</summary>
    public static HttpBackend Parse(string addressAndPort, BackendPoolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(addressAndPort);
        if (!IPEndPoint.TryParse(addressAndPort, out var endPoint) || endPoint.Port == 0)
        {
            throw new FormatException($"'{addressAndPort}' is not an address and port such as 127.0.0.1:9001.");
        }

        return new HttpBackend(endPoint, options);
    }

    /// <summary>The counters now, summed over the processors that wrote them.</summary>
    public BackendStatistics GetStatistics()
    {
        var (requests, failures, inFlight, latency) = _counters.Read();
        return new BackendStatistics(requests, failures, inFlight, latency, Pool.Open, Pool.Idle, Pool.Connects);
    }

    /// <inheritdoc/>
    public override string ToString() => Authority;

    /// <summary>Closes the idle connections and stops the pool; requests still on it finish.</summary>
    public void Dispose() => Pool.Dispose();
}
