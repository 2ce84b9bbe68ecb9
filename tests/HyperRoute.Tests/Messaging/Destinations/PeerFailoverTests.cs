using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>
/// Peers as the destinations of a strategy: a send that does not return <see cref="SendResult.Sent"/> is reported
/// <see cref="DestinationLease{TDestination}.Failed"/>, so health moves traffic off a dead sink and back once it returns.
/// </summary>
public sealed class PeerFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 20_000)]
    public async Task Failover_moves_to_the_standby_when_the_primary_sink_dies_and_back_when_it_returns_losing_no_acknowledged_frame()
    {
        var primarySink = new FrameSink();
        var primaryPort = primarySink.Port;
        await using var standbySink = new FrameSink();
        await using var primary = new TcpPeer(primarySink.Options());
        await using var standby = new TcpPeer(standbySink.Options());
        await Eventually.TrueAsync(() => primary.ConnectedCount == 1 && standby.ConnectedCount == 1, Bound, "both peers connect");
        var group = new FailoverGroup<TcpPeer>(
            [primary, standby],
            new HealthPolicy { FailureThreshold = 1, RetryInterval = TimeSpan.FromMilliseconds(50), MaxRetryInterval = TimeSpan.FromMilliseconds(200) });
        var sender = new Sender(group);

        sender.Send(300);
        Assert.Equal(300, sender.AckedBy[0]);

        await primarySink.StopAsync(graceful: true); // the primary sink dies mid-stream
        sender.Send(300);
        Assert.Equal(300, sender.AckedBy[1]); // the sink's graceful stop returns after the peer dropped, so the first send fails over
        Assert.Equal(1, sender.Failures);
        Assert.False(group.Health.IsUp(0));

        await using var primaryAgain = new FrameSink(port: primaryPort);
        var before = sender.AckedBy[0];
        var returned = await Eventually.TrueAsync(
            () =>
            {
                sender.Send(1);
                return sender.AckedBy[0] > before;
            },
            Bound,
            "traffic returns to the primary");
        sender.Send(300);
        Assert.True(group.Health.IsUp(0));
        Assert.Equal(before + 301, sender.AckedBy[0]); // the successful probe and every send after it

        await primary.DisposeAsync();
        await standby.DisposeAsync();
        await primaryAgain.StopAsync(graceful: true);
        await standbySink.StopAsync(graceful: true);

        // Every frame reported Succeeded arrived exactly once, on the sink of the peer that sent it, in order; nothing else arrived.
        Assert.Equal(sender.AckedVia(0), Numbers(primarySink, primaryAgain));
        Assert.Equal(sender.AckedVia(1), Numbers(standbySink));
        Assert.Equal(sender.Failures, sender.Attempts - sender.Acked.Count);
        // The one send that found the primary gone, then only probes (one per retry interval) until it was back.
        Assert.InRange(sender.Failures, 1, 20);
        output.WriteLine($"{sender.Acked.Count} frames acknowledged and received, {sender.Failures} failed sends, traffic back on the primary after {returned.TotalMilliseconds:F0} ms");
    }

    [Fact(Timeout = 20_000)]
    public async Task Round_robin_with_health_skips_a_dead_peer_and_takes_it_back()
    {
        var firstSink = new FrameSink();
        var firstPort = firstSink.Port;
        await using var secondSink = new FrameSink();
        await using var first = new TcpPeer(firstSink.Options());
        await using var second = new TcpPeer(secondSink.Options());
        await Eventually.TrueAsync(() => first.ConnectedCount == 1 && second.ConnectedCount == 1, Bound, "both peers connect");
        var group = new RoundRobinGroup<TcpPeer>(
            [first, second],
            new DestinationHealth(2, new HealthPolicy { FailureThreshold = 1, RetryInterval = TimeSpan.FromMilliseconds(50), MaxRetryInterval = TimeSpan.FromMilliseconds(200) }));
        var sender = new Sender(group);

        sender.Send(100);
        Assert.Equal(50, sender.AckedBy[0]);
        Assert.Equal(50, sender.AckedBy[1]);

        await firstSink.StopAsync(graceful: false); // reset
        await Eventually.TrueAsync(() => first.ConnectedCount == 0, Bound, "the first peer notices the reset");
        var secondBefore = sender.AckedBy[1];
        sender.Send(100);
        Assert.Equal(secondBefore + 100, sender.AckedBy[1]); // all of it, the failed attempts retried there

        await using var firstAgain = new FrameSink(port: firstPort);
        var firstBefore = sender.AckedBy[0];
        await Eventually.TrueAsync(
            () =>
            {
                sender.Send(1);
                return sender.AckedBy[0] > firstBefore;
            },
            Bound,
            "the first peer takes traffic again");
        firstBefore = sender.AckedBy[0];
        secondBefore = sender.AckedBy[1];
        sender.Send(100);
        Assert.Equal(firstBefore + 50, sender.AckedBy[0]);
        Assert.Equal(secondBefore + 50, sender.AckedBy[1]);
    }

    private static List<int> Numbers(params FrameSink[] sinks)
    {
        var numbers = new List<int>();
        foreach (var sink in sinks)
        {
            foreach (var (_, frame) in sink.Frames)
            {
                numbers.Add(BitConverter.ToInt32(frame));
            }
        }

        return numbers;
    }

    /// <summary>Sends numbered frames through a group, reporting each outcome on the lease and retrying a failed frame.</summary>
    private sealed class Sender(DestinationGroup<TcpPeer> group)
    {
        private int _next;

        public List<(int Number, int Index)> Acked { get; } = [];

        public int[] AckedBy { get; } = new int[group.Count];

        public int Attempts { get; private set; }

        public int Failures { get; private set; }

        public List<int> AckedVia(int index) => Acked.FindAll(a => a.Index == index).ConvertAll(a => a.Number);

        public void Send(int frames)
        {
            for (var i = 0; i < frames; i++)
            {
                var number = _next++;
                var frame = BitConverter.GetBytes(number);
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 10, $"frame {number} found no destination");
                    Assert.True(group.TryPick(out var lease), "a destination is available");
                    using (lease)
                    {
                        Attempts++;
                        if (lease.Destination.Send(frame) == SendResult.Sent)
                        {
                            lease.Succeeded();
                            Acked.Add((number, lease.Index));
                            AckedBy[lease.Index]++;
                            break;
                        }

                        lease.Failed();
                        Failures++;
                    }
                }
            }
        }
    }
}
