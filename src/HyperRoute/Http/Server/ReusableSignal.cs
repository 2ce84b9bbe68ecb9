using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace HyperRoute.Http.Server;

/// <summary>
/// A one-waiter signal a connection reuses for every wait: <see cref="WaitAsync"/> (or <see cref="WaitForCountAsync"/>,
/// for a wait that learns a number, such as the bytes a streamed body read copied) hands out a task over it (no
/// allocation), and <see cref="Set"/>/<see cref="Fail"/> complete it from any thread, once per wait (later calls are
/// ignored until the waiter consumed the result). Continuations run on the thread pool, never inline in the thread
/// that sets it.
/// </summary>
internal sealed class ReusableSignal : IValueTaskSource, IValueTaskSource<int>
{
    private ManualResetValueTaskSourceCore<int> _core = new() { RunContinuationsAsynchronously = true };
    private int _set;

    /// <summary>A task that completes at the next <see cref="Set"/> (at once if one came since the last wait).</summary>
    public ValueTask WaitAsync() => new(this, _core.Version);

    /// <summary>As <see cref="WaitAsync"/>, with the count the next <see cref="Set"/> gives.</summary>
    public ValueTask<int> WaitForCountAsync() => new(this, _core.Version);

    /// <summary>Completes the wait (with <paramref name="count"/>); <see langword="false"/> when it was already completed.</summary>
    public bool Set(int count = 0)
    {
        if (Interlocked.Exchange(ref _set, 1) != 0)
        {
            return false;
        }

        _core.SetResult(count);
        return true;
    }

    /// <summary>Fails the wait with <paramref name="error"/>; <see langword="false"/> when it was already completed.</summary>
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

    void IValueTaskSource.GetResult(short token) => ((IValueTaskSource<int>)this).GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}
