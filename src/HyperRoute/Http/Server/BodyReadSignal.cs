using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace HyperRoute.Http.Server;

/// <summary>
/// The one outstanding read of a streamed request body: <see cref="WaitAsync"/> hands the handler a
/// <see cref="ValueTask{Int32}"/> over it (no allocation), and the connection's owner completes it with the number of
/// bytes it copied (<see cref="Set"/>) or the reason the body cannot be read (<see cref="Fail"/>), once per read.
/// Continuations run on the thread pool, never inline in the owner's thread.
/// </summary>
internal sealed class BodyReadSignal : IValueTaskSource<int>
{
    private ManualResetValueTaskSourceCore<int> _core = new() { RunContinuationsAsynchronously = true };
    private int _set;

    public ValueTask<int> WaitAsync() => new(this, _core.Version);

    /// <summary>Completes the read with <paramref name="count"/> bytes; <see langword="false"/> when it was already completed.</summary>
    public bool Set(int count)
    {
        if (Interlocked.Exchange(ref _set, 1) != 0)
        {
            return false;
        }

        _core.SetResult(count);
        return true;
    }

    /// <summary>Fails the read with <paramref name="error"/>; <see langword="false"/> when it was already completed.</summary>
    public bool Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _set, 1) != 0)
        {
            return false;
        }

        _core.SetException(error);
        return true;
    }

    int IValueTaskSource<int>.GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            Volatile.Write(ref _set, 0);
        }
    }

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}
