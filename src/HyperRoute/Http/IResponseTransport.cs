using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>Where a streamed (chunked) response goes when a chunk is flushed: the connection's socket.</summary>
internal interface IResponseTransport
{
    /// <summary>
    /// <see cref="SendNow"/> would not block a thread that serves others: the handler runs synchronously on the
    /// connection's own thread.
    /// </summary>
    bool CanSendNow { get; }

    /// <summary>Sends <see cref="HttpResponse.Output"/> now, synchronously, and empties it.</summary>
    void SendNow();

    /// <summary>
    /// Hands <see cref="HttpResponse.Output"/> to the connection's worker to send, and completes when it went
    /// out (faulted with <see cref="ClientDisconnectedException"/> when the client is gone).
    /// </summary>
    ValueTask SendAsync();
}
