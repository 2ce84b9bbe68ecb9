using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>Where a streamed (chunked) response goes when a chunk is flushed: the connection's socket.</summary>
internal interface IResponseTransport
{
    /// <summary>Sends <see cref="HttpResponse.Output"/> now, synchronously, and empties it.</summary>
    void SendNow();

    /// <summary>
    /// Hands <see cref="HttpResponse.Output"/> to the connection's worker to send, and completes when it went
    /// out (faulted with <see cref="ClientDisconnectedException"/> when the client is gone).
    /// </summary>
    ValueTask SendAsync();
}
