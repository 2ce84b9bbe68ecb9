using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>
/// The Linux transport: one <see cref="EpollWorker{TEndpoint}"/> event loop per worker, each on its own
/// <c>SO_REUSEPORT</c> listening socket, or all on one shared listener (woken exclusively).
/// </summary>
internal sealed class EpollTransport<TEndpoint> : IServerTransport
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly Socket[] _listeners;
    private readonly EpollWorker<TEndpoint>[] _workers;

    /// <summary>Starts <paramref name="workers"/> event loops over <paramref name="listeners"/>, taken in turn.</summary>
    public EpollTransport(HttpServer<TEndpoint> server, TEndpoint endpoint, Socket[] listeners, int workers)
    {
        _listeners = listeners;
        foreach (var listener in listeners)
        {
            listener.Blocking = false;
        }

        _workers = new EpollWorker<TEndpoint>[workers];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new EpollWorker<TEndpoint>(server, endpoint, listeners[i % listeners.Length], sharedListener: listeners.Length == 1);
        }
    }

    /// <inheritdoc />
    public string Name => "epoll";

    /// <inheritdoc />
    public async Task StopAsync(TimeSpan deadline)
    {
        foreach (var worker in _workers)
        {
            worker.Stop(deadline);
        }

        await Task.WhenAll(_workers.Select(w => w.Stopped)).ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }
}
