using System;
using System.Threading;

namespace HyperRoute.Messaging;

/// <summary>
/// Tracks which destinations of a group are up, from the outcomes callers report, and decides when a down destination
/// gets a probe.
/// </summary>
/// <remarks>
/// <para>A destination is marked down after <see cref="HealthPolicy.FailureThreshold"/> consecutive failures. While down
/// it is skipped; once its retry interval has passed, the next pick that reaches it takes it as a probe (one pick per
/// interval: the pick pushes the next probe time one interval on, so concurrent pickers keep skipping it). A successful
/// probe restores it; a failed probe doubles the interval, up to <see cref="HealthPolicy.MaxRetryInterval"/>. While a
/// destination is down, only the report that follows a claimed probe counts: late reports from sends picked before it
/// went down neither restore it nor grow its backoff.</para>
/// <para>Thread safety: picks read one volatile field per destination (and the clock only for a down one); reports of
/// success on an up destination are a read and at most one write; everything else (failures, probes) takes a lock per
/// destination.</para>
/// </remarks>
public sealed class DestinationHealth
{
    private const long Up = long.MinValue;

    private readonly Cell[] _cells;
    private readonly TimeProvider _clock;
    private readonly int _threshold;
    private readonly long _retryTicks;
    private readonly long _maxRetryTicks;

    /// <summary>Tracks <paramref name="count"/> destinations (all up) under <paramref name="policy"/> (default <see cref="HealthPolicy.Default"/>).</summary>
    public DestinationHealth(int count, HealthPolicy? policy = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        policy ??= HealthPolicy.Default;
        policy.Validate();
        _clock = policy.TimeProvider;
        _threshold = policy.FailureThreshold;
        _retryTicks = ToTimestampTicks(policy.RetryInterval, _clock.TimestampFrequency);
        _maxRetryTicks = ToTimestampTicks(policy.MaxRetryInterval, _clock.TimestampFrequency);
        _cells = new Cell[count];
        for (var i = 0; i < count; i++)
        {
            _cells[i] = new Cell { RetryAt = Up, Interval = _retryTicks };
        }
    }

    /// <summary>How many destinations are tracked.</summary>
    public int Count => _cells.Length;

    /// <summary>The consecutive failures after which a destination is marked down (<see cref="HealthPolicy.FailureThreshold"/>).</summary>
    public int FailureThreshold => _threshold;

    /// <summary>Whether the destination at <paramref name="index"/> is up (not counting a probe it may be due).</summary>
    public bool IsUp(int index) => Volatile.Read(ref _cells[index].RetryAt) == Up;

    /// <summary>
    /// Whether a pick may use the destination: it is up, or it is down, its retry time has come and this call claimed
    /// the probe. Strategies call this once for the destination they are about to return.
    /// </summary>
    [HotPath]
    public bool TryAcquire(int index)
    {
        var cell = _cells[index];
        var retryAt = Volatile.Read(ref cell.RetryAt);
        if (retryAt == Up)
        {
            return true;
        }

        var now = _clock.GetTimestamp();
        if (now < retryAt)
        {
            return false; // down, and not due a probe yet
        }

        // Claim the probe: push the next one an interval on, so the pickers racing this one keep skipping it.
        var next = now + Volatile.Read(ref cell.Interval);
        var seen = Interlocked.CompareExchange(ref cell.RetryAt, next, retryAt);
        if (seen != retryAt)
        {
            return seen == Up; // restored meanwhile (usable), or another picker took the probe
        }

        Volatile.Write(ref cell.Probing, 1);
        return true;
    }

    /// <summary>Reports a successful send: resets the failure count; after a probe, restores the destination.</summary>
    [HotPath]
    public void Succeeded(int index)
    {
        var cell = _cells[index];
        if (Volatile.Read(ref cell.RetryAt) == Up)
        {
            if (Volatile.Read(ref cell.Failures) != 0)
            {
                Volatile.Write(ref cell.Failures, 0);
            }

            return;
        }

        lock (cell)
        {
            if (cell.RetryAt != Up && cell.Probing == 1)
            {
                cell.Probing = 0;
                cell.Failures = 0;
                cell.FailedProbes = 0;
                cell.Interval = _retryTicks;
                Volatile.Write(ref cell.RetryAt, Up);
            }
        }
    }

    /// <summary>Reports a failed send: marks the destination down at the threshold; after a probe, backs off.</summary>
    public void Failed(int index)
    {
        var cell = _cells[index];
        lock (cell)
        {
            var now = _clock.GetTimestamp();
            if (cell.RetryAt == Up)
            {
                cell.Failures++;
                if (cell.Failures >= _threshold)
                {
                    cell.Interval = _retryTicks;
                    cell.FailedProbes = 0;
                    cell.Probing = 0;
                    Volatile.Write(ref cell.RetryAt, now + _retryTicks);
                }

                return;
            }

            if (cell.Probing == 1)
            {
                cell.Probing = 0;
                cell.Failures++;
                cell.FailedProbes++;
                cell.Interval = cell.Interval >= _maxRetryTicks / 2 ? _maxRetryTicks : cell.Interval * 2;
                Volatile.Write(ref cell.RetryAt, now + cell.Interval);
            }

            // Otherwise a late failure of a send picked before the destination went down: it is down already.
        }
    }

    /// <summary>
    /// An out-of-band check (an active health check) found the destination healthy: it is up again now, its failure
    /// count and backoff reset, whether or not a pick claimed a probe.
    /// </summary>
    public void Restore(int index)
    {
        var cell = _cells[index];
        lock (cell)
        {
            cell.Probing = 0;
            cell.Failures = 0;
            cell.FailedProbes = 0;
            cell.Interval = _retryTicks;
            Volatile.Write(ref cell.RetryAt, Up);
        }
    }

    /// <summary>
    /// An out-of-band check found the destination unhealthy: it is down now (whatever its failure count), and picks
    /// probe it after the retry interval as after any other failure.
    /// </summary>
    public void MarkDown(int index)
    {
        var cell = _cells[index];
        lock (cell)
        {
            if (cell.RetryAt != Up)
            {
                return; // down already: its backoff runs on
            }

            cell.Failures = Math.Max(cell.Failures, _threshold);
            cell.Interval = _retryTicks;
            cell.FailedProbes = 0;
            cell.Probing = 0;
            Volatile.Write(ref cell.RetryAt, _clock.GetTimestamp() + _retryTicks);
        }
    }

    /// <summary>A snapshot of the destination's health.</summary>
    public DestinationStatus GetStatus(int index)
    {
        var cell = _cells[index];
        lock (cell)
        {
            var down = cell.RetryAt != Up;
            var interval = _clock.GetElapsedTime(0, cell.Interval);
            return new DestinationStatus(down, cell.Failures, interval, cell.FailedProbes);
        }
    }

    private static long ToTimestampTicks(TimeSpan span, long frequency) =>
        (long)Math.Ceiling(span.Ticks * (double)frequency / TimeSpan.TicksPerSecond);

    private sealed class Cell
    {
        public long RetryAt; // Up, or the timestamp from which the next probe may be taken
        public long Interval; // the current retry interval, in timestamp ticks
        public int Failures;
        public int FailedProbes;
        public int Probing; // 1 while a claimed probe has not reported
    }
}
