using System;
using System.Collections.Generic;
using System.Threading;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>A clock whose time, and timers, move only when told (enough of one for <c>Task.Delay(…, TimeProvider)</c>).</summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly List<Timer> _timers = [];
    private long _now = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    /// <summary>Timers created and not yet fired or disposed.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_timers)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>The due time of every pending timer, in order of creation.</summary>
    public TimeSpan[] PendingDueTimes
    {
        get
        {
            lock (_timers)
            {
                return _timers.ConvertAll(t => TimeSpan.FromTicks(t.DueAt - _now)).ToArray();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state, GetTimestamp() + dueTime.Ticks);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref _now, by.Ticks);
        List<Timer> due;
        lock (_timers)
        {
            due = _timers.FindAll(t => t.DueAt <= _now);
            _timers.RemoveAll(t => t.DueAt <= _now);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Remove(Timer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class Timer(ManualClock clock, TimerCallback callback, object? state, long dueAt) : ITimer
    {
        public long DueAt { get; private set; } = dueAt;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueAt = clock.GetTimestamp() + dueTime.Ticks;
            return true;
        }

        public void Dispose() => clock.Remove(this);

        public System.Threading.Tasks.ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
