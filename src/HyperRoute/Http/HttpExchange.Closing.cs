using System.Threading;

namespace HyperRoute.Http;

/// <summary>The connection was asked to close (graceful shutdown): a long-running response should end now.</summary>
public sealed partial class HttpExchange
{
    private CancellationTokenSource? _closing;
    private volatile bool _closingSignalled;

    /// <summary>
    /// Cancelled when the server begins its graceful shutdown while this request is served: a response that
    /// would otherwise never end (an event stream) ends then, well before the shutdown deadline.
    /// </summary>
    internal CancellationToken Closing
    {
        get
        {
            var source = _closing;
            if (source is null)
            {
                source = new CancellationTokenSource();
                source = Interlocked.CompareExchange(ref _closing, source, null) ?? source;
                if (_closingSignalled)
                {
                    source.Cancel();
                }
            }

            return source.Token;
        }
    }

    /// <summary>Cancels <see cref="Closing"/> on the thread pool (the caller is a worker: no handler code runs on it).</summary>
    internal void SignalClosing()
    {
        _closingSignalled = true;
        if (Volatile.Read(ref _closing) is { } source)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static source => source.Cancel(), source, preferLocal: false);
        }
    }
}
