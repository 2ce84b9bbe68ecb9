using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace HyperRoute.Hosting;

/// <summary>
/// A message source (framed TCP, UDP) as a Generic Host service: started with the host, stopped with it, frames in
/// progress finishing within the host's shutdown timeout. Resolve it to read the bound <see cref="EndPoint"/>.
/// </summary>
/// <typeparam name="TSource">The running source (<c>FramedTcpSource&lt;THandler&gt;</c>, <c>UdpSource&lt;THandler&gt;</c>).</typeparam>
public sealed class HyperRouteSource<TSource> : IHostedService, IAsyncDisposable
    where TSource : class, IAsyncDisposable
{
    private readonly Func<TSource> _start;
    private readonly Func<TSource, TimeSpan, Task> _stop;
    private readonly Func<TSource, IPEndPoint> _endPoint;
    private readonly TimeSpan _shutdownTimeout;
    private TSource? _source;

    internal HyperRouteSource(Func<TSource> start, Func<TSource, TimeSpan, Task> stop, Func<TSource, IPEndPoint> endPoint, TimeSpan shutdownTimeout)
    {
        _start = start;
        _stop = stop;
        _endPoint = endPoint;
        _shutdownTimeout = shutdownTimeout;
    }

    /// <summary>The running source; <see langword="null"/> before the host started it.</summary>
    public TSource? Source => _source;

    /// <summary>The bound address and port.</summary>
    /// <exception cref="InvalidOperationException">The host has not started the source.</exception>
    public IPEndPoint EndPoint => _source is { } source ? _endPoint(source) : throw new InvalidOperationException("The source starts with the host; it has not started yet.");

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _source = _start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_source is not { } source)
        {
            return;
        }

        try
        {
            await _stop(source, _shutdownTimeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting; the source's own deadline closes what is left.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_source is { } source)
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }
}
