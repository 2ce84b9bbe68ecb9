using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace HyperRoute.Http.Server;

/// <summary>
/// A one-waiter signal a connection reuses for every wait: <see cref="WaitAsync"/> hands out a
/// <see cref="ValueTask"/> over it (no allocation), and <see cref="Set"/>/<see cref="Fail"/> complete it from any
/// thread, once per wait (later calls are ignored until the waiter consumed the result). Continuations run on
/// the thread pool, never inline in the thread that sets it.
/// </summary>
internal sealed class ReusableSignal : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _set;

    /// <summary>A task that completes at the next <see cref="Set"/> (at once if one came since the last wait).</summary>
    public ValueTask WaitAsync() => new(this, _core.Version);

    /// <summary>Completes the wait; <see langword="false"/> when it was already completed.</summary>
    public bool Set()
    {
        if (Interlocked.Exchange(ref _set, 1) != 0)
        {
            return false;
        }

        _core.SetResult(true);
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

    void IValueTaskSource.GetResult(short token)
    {
        try
        {
            _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            Volatile.Write(ref _set, 0);
        }
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}
