namespace HyperRoute.Http;

/// <summary>Where the code writing the response runs, for code that streams a body it receives (the reverse proxy).</summary>
public sealed partial class HttpResponse
{
    /// <summary>
    /// The handler runs on the thread serving its connection (it has not gone asynchronous yet): a flush must be
    /// the synchronous <see cref="Flush"/>, because the worker that would take an asynchronous one is this thread.
    /// </summary>
    internal bool OnServeThread => _transport?.CanSendNow != false;
}
