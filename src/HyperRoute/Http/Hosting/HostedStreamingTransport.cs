using System.Threading.Tasks;

namespace HyperRoute.Http.Hosting;

/// <summary>
/// A hosted response whose flushes go to the host as they happen (<see cref="IHostedResponseStream"/>). Only an
/// asynchronous flush sends: a synchronous one (<see cref="HttpResponse.Flush"/>, or every 16 KiB) keeps the chunk
/// in the body until the next <see cref="HttpResponse.FlushAsync"/> or the end, since the host's writes are
/// asynchronous and the handler's thread may be one the host needs.
/// </summary>
internal sealed class HostedStreamingTransport(HttpResponse response, IHostedResponseStream stream) : IResponseTransport
{
    public bool CanSendNow => false;

    public void SendNow()
    {
    }

    public ValueTask SendAsync()
    {
        var first = !response.HeadWritten;
        response.MarkHeadSentByHost(); // from now on the status and headers are the host's: they cannot change
        var sent = stream.FlushAsync(response, first);
        response.ClearBodySentByHost();
        return sent;
    }
}
