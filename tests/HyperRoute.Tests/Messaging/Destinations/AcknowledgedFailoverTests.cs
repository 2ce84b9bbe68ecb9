using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>
/// At-least-once delivery across a failover group: two peers that require acknowledgements, whose unacknowledged
/// frames are re-forwarded to the group when a connection fails. The primary's sink dies abruptly (a reset) mid-stream,
/// after holding its acknowledgements back for a while, so some frames it handled were never acknowledged; every frame
/// reported sent must still arrive, and only frames that were redelivered may arrive twice.
/// </summary>
public sealed class AcknowledgedFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact(Timeout = 60_000)]
    public Task No_frame_reported_sent_is_lost_when_the_primary_sink_is_reset_mid_stream() => RunAsync(inPasses: false);

    [Fact(Timeout = 60_000)]
    public Task No_frame_queued_in_a_receive_pass_is_lost_when_the_primary_sink_is_reset_mid_stream() => RunAsync(inPasses: true);

    private async Task RunAsync(bool inPasses)
    {
        var primarySink = new FrameSink(acknowledge: true);
        await using var standbySink = new FrameSink(acknowledge: true);
        FailoverGroup<TcpPeer>? group = null;
        var handedOff = new ConcurrentQueue<int>();
        var reforwardFailures = 0;
        UnacknowledgedFrameHandler reforward = (_, frame) =>
        {
            handedOff.Enqueue(BinaryPrimitives.ReadInt32BigEndian(frame));
            if (group!.Forward(frame) == SendResult.Sent)
            {
                return true;
            }

            Interlocked.Increment(ref reforwardFailures);
            return false;
        };
        await using var primary = new TcpPeer(TcpPeerAcknowledgementTests.Acknowledged(primarySink) with { OnUnacknowledged = reforward });
        await using var standby = new TcpPeer(TcpPeerAcknowledgementTests.Acknowledged(standbySink) with { OnUnacknowledged = reforward });
        await Eventually.TrueAsync(() => primary.ConnectedCount == 1 && standby.ConnectedCount == 1, Bound, "both peers connect");
        group = new FailoverGroup<TcpPeer>(
            [primary, standby],
            new HealthPolicy { FailureThreshold = 1, RetryInterval = TimeSpan.FromMilliseconds(50), MaxRetryInterval = TimeSpan.FromMilliseconds(200) });

        var stop = 0;
        var sender = Task.Run(() => Stream(group, inPasses, () => Volatile.Read(ref stop) != 0));

        await primarySink.WaitForFramesAsync(2_000, Bound);
        primarySink.PauseAcknowledgements(); // the sink stalls: it goes on handling frames but acknowledges none
        var pausedAt = primarySink.FrameCount; // the sender may be far ahead of the 2,000 by the time this runs
        await primarySink.WaitForFramesAsync(pausedAt + 1_000, Bound);
        await primarySink.StopAsync(graceful: false); // then dies with a reset
        var standbyBefore = standbySink.FrameCount;
        await Eventually.TrueAsync(() => standbySink.FrameCount >= standbyBefore + 2_000, Bound, "the stream goes on at the standby");
        Volatile.Write(ref stop, 1);
        var (sent, notSent) = await sender.WaitAsync(Bound);
        await Eventually.TrueAsync(() => primary.Unacknowledged == 0 && standby.Unacknowledged == 0, Bound, "every frame is acknowledged or handed off");

        var received = primarySink.Frames.Concat(standbySink.Frames).Select(f => BinaryPrimitives.ReadInt32BigEndian(f.Frame)).ToList();
        var seen = received.ToHashSet();
        var missing = sent.Where(n => !seen.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} frames reported sent never arrived, the first {string.Join(", ", missing.Take(10))}");
        var redelivered = handedOff.ToHashSet();
        var duplicates = received.GroupBy(n => n).Where(g => g.Count() > 1).ToList();
        Assert.All(duplicates, d => Assert.Contains(d.Key, redelivered)); // only what was redelivered arrives twice
        var extra = duplicates.Sum(d => d.Count() - 1);
        Assert.InRange(extra, 0, primary.Redelivered + standby.Redelivered);
        Assert.True(
            primary.Redelivered >= 1_000,
            $"the frames handled while acknowledgements were held back are redelivered ({primary.Redelivered}; primary: {primary.Acknowledged} acknowledged, " +
            $"{primary.ConnectAttempts} connects, {primarySink.Connections} sink connections, {primarySink.FrameCount} frames at its sink)");
        Assert.Equal(0, Volatile.Read(ref reforwardFailures));
        Assert.Equal(0, notSent);
        Assert.Equal(0, primary.FramesLost);
        Assert.Equal(0, standby.FramesLost);
        output.WriteLine(
            $"{sent.Count} frames sent ({(inPasses ? "in passes of 50" : "one by one")}), {received.Count} received, " +
            $"{primary.Redelivered} redelivered by the primary, {extra} duplicates (frames handled but not acknowledged), " +
            $"{primary.Acknowledged} acknowledged by the primary and {standby.Acknowledged} by the standby");
    }

    /// <summary>Sends numbered frames through the group until told to stop; returns the numbers reported sent and the count of the rest.</summary>
    private static (List<int> Sent, int NotSent) Stream(FailoverGroup<TcpPeer> group, bool inPasses, Func<bool> stop)
    {
        var sent = new List<int>();
        var notSent = 0;
        Span<byte> frame = stackalloc byte[4];
        var next = 0;
        while (!stop() && next < 500_000)
        {
            var batch = inPasses ? SendBatch.Enter() : null;
            for (var i = 0; i < (inPasses ? 50 : 1); i++)
            {
                var number = next++;
                BinaryPrimitives.WriteInt32BigEndian(frame, number);
                if (group.Forward(frame) == SendResult.Sent)
                {
                    sent.Add(number);
                }
                else
                {
                    notSent++;
                }
            }

            batch?.Exit();
        }

        return (sent, notSent);
    }
}
