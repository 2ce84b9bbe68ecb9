using System;
using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>
/// Where the flushes of an abandoned response go: nowhere. The request was already answered (504 after its time
/// limit, or the client left), so the handler's late chunks are dropped and it is told to stop.
/// </summary>
internal sealed class AbandonedTransport : IResponseTransport
{
    public static readonly AbandonedTransport Instance = new();

    private AbandonedTransport()
    {
    }

    public bool CanSendNow => false;

    public void SendNow() => throw Abandoned();

    public ValueTask SendAsync() => ValueTask.FromException(Abandoned());

    private static OperationCanceledException Abandoned()
        => new("The request was already answered without this handler (its time limit expired or the client disconnected); what it writes now is discarded.");
}
