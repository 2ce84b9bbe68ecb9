using System;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messaging;

public sealed class FailoverTests
{
    private readonly FakeClock _clock = new();
    private readonly FailoverGroup<string> _group;

    public FailoverTests()
    {
        _group = new FailoverGroup<string>(["primary", "secondary"], new HealthPolicy
        {
            FailureThreshold = 3,
            RetryInterval = TimeSpan.FromSeconds(1),
            MaxRetryInterval = TimeSpan.FromSeconds(10),
            TimeProvider = _clock,
        });
    }

    [Fact]
    public void The_primary_takes_all_traffic_while_healthy()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("primary", Pick());
        }
    }

    [Fact]
    public void The_primary_stays_up_until_the_threshold_of_consecutive_failures()
    {
        FailPrimary(2);
        Assert.False(_group.Health.GetStatus(0).IsDown);
        Assert.Equal("primary", Pick());

        FailPrimary(1);
        Assert.True(_group.Health.GetStatus(0).IsDown);
    }

    [Fact]
    public void A_success_resets_the_count_of_consecutive_failures()
    {
        FailPrimary(2);
        _group.Health.Succeeded(0);
        FailPrimary(2);

        Assert.False(_group.Health.GetStatus(0).IsDown);
        Assert.Equal(2, _group.Health.GetStatus(0).ConsecutiveFailures);
    }

    [Fact]
    public void Traffic_moves_to_the_secondary_while_the_primary_is_down()
    {
        FailPrimary(3);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("secondary", Pick());
        }
    }

    [Fact]
    public void The_primary_gets_one_probe_after_the_retry_interval()
    {
        FailPrimary(3);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal("secondary", Pick());

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(_group.TryPick(out var probe));
        Assert.Equal("primary", probe.Destination);
        Assert.Equal("secondary", Pick()); // one probe at a time: the rest still go to the secondary
    }

    [Fact]
    public void A_successful_probe_restores_the_primary()
    {
        FailPrimary(3);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_group.TryPick(out var probe));
        probe.Succeeded();
        probe.Dispose();

        Assert.False(_group.Health.GetStatus(0).IsDown);
        Assert.Equal(0, _group.Health.GetStatus(0).ConsecutiveFailures);
        Assert.Equal("primary", Pick());
    }

    [Fact]
    public void Failed_probes_double_the_retry_interval_up_to_the_cap()
    {
        FailPrimary(3);
        var seen = new double[7];
        for (var i = 0; i < seen.Length; i++)
        {
            var interval = _group.Health.GetStatus(0).RetryInterval;
            seen[i] = interval.TotalSeconds;
            _clock.Advance(interval - TimeSpan.FromTicks(1));
            Assert.Equal("secondary", Pick()); // not yet
            _clock.Advance(TimeSpan.FromTicks(1));
            Assert.True(_group.TryPick(out var probe));
            Assert.Equal("primary", probe.Destination);
            probe.Failed();
        }

        Assert.Equal([1, 2, 4, 8, 10, 10, 10], seen);
        Assert.Equal(7, _group.Health.GetStatus(0).FailedProbes);
    }

    [Fact]
    public void An_unanswered_probe_is_retried_after_another_interval()
    {
        FailPrimary(3);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_group.TryPick(out var lost)); // the probe's caller never reports
        Assert.Equal("primary", lost.Destination);
        Assert.Equal("secondary", Pick());

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("primary", Pick());
    }

    [Fact]
    public void Late_failures_of_sends_before_the_marking_down_do_not_grow_the_backoff()
    {
        FailPrimary(3);
        FailPrimary(5);

        Assert.Equal(TimeSpan.FromSeconds(1), _group.Health.GetStatus(0).RetryInterval);
        Assert.Equal(0, _group.Health.GetStatus(0).FailedProbes);
    }

    [Fact]
    public void A_pick_fails_clearly_when_every_destination_is_down()
    {
        FailPrimary(3);
        for (var i = 0; i < 3; i++)
        {
            _group.Health.Failed(1);
        }

        Assert.False(_group.TryPick(out var lease));
        Assert.False(lease.IsActive);
        lease.Dispose(); // a default lease does nothing
    }

    [Fact]
    public void The_restored_primary_gets_traffic_back_from_the_secondary()
    {
        FailPrimary(3);
        Assert.Equal("secondary", Pick());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_group.TryPick(out var probe));
        probe.Succeeded();

        Assert.Equal("primary", Pick());
    }

    private void FailPrimary(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _group.Health.Failed(0);
        }
    }

    private string Pick()
    {
        Assert.True(_group.TryPick(out var lease));
        using (lease)
        {
            return lease.Destination;
        }
    }
}
