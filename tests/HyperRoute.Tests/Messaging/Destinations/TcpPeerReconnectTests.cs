using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging.Destinations;
using Xunit;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>How a <see cref="TcpPeer"/> fails fast while its sink is gone and reconnects with exponential backoff.</summary>
public sealed class TcpPeerReconnectTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_backoff_multiplies_each_wait_and_stops_at_the_cap()
    {
        var backoff = new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(100), Multiplier = 2, Max = TimeSpan.FromSeconds(1) };
        var waits = new TimeSpan[6];
        waits[0] = backoff.Initial;
        for (var i = 1; i < waits.Length; i++)
        {
            waits[i] = backoff.Next(waits[i - 1]);
        }

        Assert.Equal([100, 200, 400, 800, 1000, 1000], Array.ConvertAll(waits, w => w.TotalMilliseconds));
    }

    [Fact(Timeout = 15_000)]
    public async Task Sends_fail_fast_while_the_sink_is_gone_and_succeed_again_once_it_listens_on_the_same_port()
    {
        var sink = new FrameSink();
        var port = sink.Port;
        await using var peer = new TcpPeer(sink.Options());
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");
        Assert.Equal(SendResult.Sent, peer.Send(TcpPeerTests.Frame(1)));

        await sink.StopAsync(graceful: false); // a reset: the sink is gone
        await Eventually.TrueAsync(() => peer.ConnectedCount == 0, Bound, "the peer notices the reset");

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(SendResult.Disconnected, peer.Send(TcpPeerTests.Frame(i)));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(250), $"1,000 sends while disconnected took {watch.Elapsed}"); // no waiting, no connect

        await using var again = new FrameSink(port: port);
        var reconnected = await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer reconnects to the new sink");
        // Waits are capped at 200 ms; the bound leaves room for thread-pool latency on a loaded two-core machine.
        Assert.True(reconnected < TimeSpan.FromSeconds(3), $"reconnected after {reconnected} with waits capped at 200 ms");
        Assert.Equal(SendResult.Sent, peer.Send(TcpPeerTests.Frame(2)));
        await again.WaitForFramesAsync(1, Bound);
        Assert.Equal(TcpPeerTests.Frame(2), Assert.Single(again.Frames).Frame);
    }

    [Fact(Timeout = 15_000)]
    public async Task Reconnect_attempts_wait_on_the_injected_clock_growing_to_the_cap()
    {
        var clock = new ManualClock();
        var port = UnusedPort();
        await using var peer = new TcpPeer(new TcpPeerOptions
        {
            Host = "127.0.0.1",
            Port = port,
            TimeProvider = clock,
            Backoff = new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(100), Multiplier = 2, Max = TimeSpan.FromMilliseconds(400) },
        });

        // The first connect is at once and refused; every later attempt waits for the clock.
        foreach (var expected in new[] { 100, 200, 400, 400 })
        {
            await Eventually.TrueAsync(() => clock.PendingTimers == 1, Bound, $"a wait of {expected} ms is scheduled");
            Assert.Equal(TimeSpan.FromMilliseconds(expected), clock.PendingDueTimes[0]);
            var attempts = peer.ConnectAttempts;
            await Task.Delay(50);
            Assert.Equal(attempts, peer.ConnectAttempts); // nothing happens until the clock moves
            clock.Advance(TimeSpan.FromMilliseconds(expected));
            await Eventually.TrueAsync(() => peer.ConnectAttempts == attempts + 1, Bound, "the attempt after the wait");
        }

        await using var sink = new FrameSink(port: port);
        await Eventually.TrueAsync(() => clock.PendingTimers == 1, Bound, "the next wait is scheduled");
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects once the sink listens");
        Assert.Equal(TimeSpan.FromMilliseconds(400), peer.LastBackoff(0));
    }

    [Fact(Timeout = 15_000)]
    public async Task A_connection_that_was_up_starts_the_backoff_again_from_the_initial_wait()
    {
        var clock = new ManualClock();
        var sink = new FrameSink();
        await using var peer = new TcpPeer(sink.Options(backoff: new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(100), Max = TimeSpan.FromSeconds(5) }) with { TimeProvider = clock });
        await Eventually.TrueAsync(() => peer.ConnectedCount == 1, Bound, "the peer connects");

        await sink.StopAsync(graceful: true);

        await Eventually.TrueAsync(() => clock.PendingTimers == 1, Bound, "a reconnect wait is scheduled");
        Assert.Equal(TimeSpan.FromMilliseconds(100), clock.PendingDueTimes[0]);
        Assert.Equal(SendResult.Disconnected, peer.Send(TcpPeerTests.Frame(1)));
    }

    private static int UnusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
