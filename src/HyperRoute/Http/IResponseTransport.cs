namespace HyperRoute.Http;

/// <summary>Where a streamed (chunked) response goes when a chunk is flushed: the connection's socket.</summary>
internal interface IResponseTransport
{
    /// <summary>Sends <see cref="HttpResponse.Output"/> now, synchronously, and empties it.</summary>
    void SendNow();
}
