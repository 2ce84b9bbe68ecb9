using System.ComponentModel;
using System.Threading.Tasks;

namespace HyperRoute.Http.Hosting;

/// <summary>
/// For a host that streams (HyperRoute.AspNetCore): where a chunked response goes when its handler flushes it
/// (<see cref="HttpResponse.FlushAsync"/>), instead of being collected and handed over at the end. Given to
/// <see cref="HostedExchange.Begin(HttpExchange, IHostedResponseStream?)"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IHostedResponseStream
{
    /// <summary>
    /// Sends the response's head the first time (<paramref name="first"/>: its status and
    /// <see cref="HostedExchange.HeaderLines"/>; the host frames the body its own way), then the body written since
    /// the last flush (<see cref="HostedExchange.Body"/>). It must copy what it sends before it returns: the body is
    /// emptied then. Completes when the host has taken the bytes; faults with
    /// <see cref="ClientDisconnectedException"/> when the client is gone.
    /// </summary>
    ValueTask FlushAsync(HttpResponse response, bool first);
}
