using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>
/// A receive pass held open on a thread of its own: what <see cref="Run{T}"/> does there is queued as a source's
/// handler would queue it, and <see cref="End"/> closes the pass (writing the queues). A test can await between the
/// two without leaving the thread-static <see cref="SendBatch"/> open on an xunit worker thread that then runs other
/// tests' code.
/// </summary>
internal sealed class HeldPass : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public HeldPass()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "held pass" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="action"/> inside the pass and returns its result.</summary>
    public T Run<T>(Func<T> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(action());
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        });
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
    }

    /// <summary>Ends the pass: the queued frames are written (or found lost) on the pass's thread, before this returns.</summary>
    public void End()
    {
        _work.CompleteAdding();
        if (!_thread.Join(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The held pass did not end within 30 s.");
        }
    }

    public void Dispose()
    {
        if (!_work.IsAddingCompleted)
        {
            End();
        }

        _work.Dispose();
    }

    private void Loop()
    {
        var batch = SendBatch.Enter();
        try
        {
            foreach (var action in _work.GetConsumingEnumerable())
            {
                action();
            }
        }
        finally
        {
            batch.Exit();
        }
    }
}
