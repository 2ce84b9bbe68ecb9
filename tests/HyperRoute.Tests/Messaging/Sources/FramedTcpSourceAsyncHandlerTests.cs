using System;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messages;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>
/// A generated router with <c>async ValueTask</c> handlers on a framed TCP source: a pending handler holds its
/// connection (in order, frame after frame), not the others; its frame is acknowledged when it completed, never when
/// it failed. Gates are <see cref="JobRouter.Hold"/>/<see cref="JobRouter.Open"/>; nothing sleeps.
/// </summary>
public sealed class FramedTcpSourceAsyncHandlerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static byte[] Encode(params byte[][] frames) => Frames.Encode(default, frames);

    private static string[] On(JobRouter router, int connection) => router.Journal.Where(e => e.EndsWith("@" + connection, StringComparison.Ordinal)).ToArray();

    [Fact(Timeout = 20_000)]
    public async Task A_pending_handler_holds_the_next_frames_of_its_connection_and_they_are_handled_in_order()
    {
        var router = new JobRouter();
        router.Hold(1);
        var counters = new MessageCounters();
        await using var source = FramedTcpSource.Start(new JobRouter.FrameHandler(router, counters));
        using var client = new FrameClient(source.EndPoint);

        client.Send(Encode(
            Job.Frame(JobRouter.WaitKind, 1, 1),
            Job.Frame(JobRouter.WaitKind, 2, 1),
            Job.Frame(JobRouter.QuickKind, 3, 1),
            Job.Frame(JobRouter.SyncKind, 4, 1)));
        await router.Started(1).WaitAsync(Bound);
        Assert.Equal(["start 1@1"], On(router, 1));

        router.Open(1);
        await Frames.WaitUntil(() => counters.Routed == 4);
        Assert.Equal(
            ["start 1@1", "end 1@1", "start 2@1", "end 2@1", "start 3@1", "end 3@1", "start 4@1", "end 4@1"],
            On(router, 1));
        Assert.Equal(4, source.FramesReceived);
        FramedTcpSourceTests.AssertNoErrors(source);
    }

    [Fact(Timeout = 20_000)]
    public async Task Other_connections_are_handled_while_one_waits_for_its_handler()
    {
        var router = new JobRouter();
        router.Hold(1);
        var counters = new MessageCounters();
        await using var source = FramedTcpSource.Start(new JobRouter.FrameHandler(router, counters));
        using var held = new FrameClient(source.EndPoint);
        using var other = new FrameClient(source.EndPoint);

        held.Send(Encode(Job.Frame(JobRouter.WaitKind, 1, 1), Job.Frame(JobRouter.QuickKind, 2, 1)));
        await router.Started(1).WaitAsync(Bound);
        other.Send(Encode(Job.Frame(JobRouter.QuickKind, 10, 2), Job.Frame(JobRouter.WaitKind, 11, 2), Job.Frame(JobRouter.SyncKind, 12, 2)));

        await Frames.WaitUntil(() => counters.Routed == 3); // the other connection's three, while job 1 waits
        Assert.Equal(["start 10@2", "end 10@2", "start 11@2", "end 11@2", "start 12@2", "end 12@2"], On(router, 2));
        Assert.Equal(["start 1@1"], On(router, 1)); // job 2 was sent before them, and waits behind job 1

        router.Open(1);
        await Frames.WaitUntil(() => counters.Routed == 5);
        Assert.Equal(["start 1@1", "end 1@1", "start 2@1", "end 2@1"], On(router, 1));
        FramedTcpSourceTests.AssertNoErrors(source);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_frame_is_acknowledged_only_once_its_async_handler_completed()
    {
        var router = new JobRouter();
        router.Hold(2);
        await using var source = FramedTcpSource.Start(new JobRouter.FrameHandler(router, null), new FramedTcpSourceOptions { SendAcknowledgements = true });
        using var client = new FrameClient(source.EndPoint);
        using var other = new FrameClient(source.EndPoint);

        client.Send(Encode(Job.Frame(JobRouter.QuickKind, 1, 1), Job.Frame(JobRouter.WaitKind, 2, 1), Job.Frame(JobRouter.QuickKind, 3, 1)));

        // The pass that reached job 2 acknowledges what it handled before it: job 1, not job 2.
        Assert.Equal(1UL, await Task.Run(client.ReadAcknowledgement).WaitAsync(Bound));
        await router.Started(2).WaitAsync(Bound);

        // A round trip on another connection (its frame handled and acknowledged): still nothing more for job 2.
        other.Send(Encode(Job.Frame(JobRouter.QuickKind, 10, 2)));
        Assert.Equal(1UL, await Task.Run(other.ReadAcknowledgement).WaitAsync(Bound));
        Assert.Equal(0, client.Available);

        router.Open(2);
        Assert.Equal(3UL, await Task.Run(() => client.ReadAcknowledgementsUntil(3)).WaitAsync(Bound));
        Assert.Equal(["start 1@1", "end 1@1", "start 2@1", "end 2@1", "start 3@1", "end 3@1"], On(router, 1));
        FramedTcpSourceTests.AssertNoErrors(source);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_handler_that_throws_after_await_is_a_handler_error_that_closes_the_connection_without_acknowledging_its_frame()
    {
        var router = new JobRouter();
        router.Hold(2);
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new FramedTcpSourceOptions { SendAcknowledgements = true, OnHandlerError = e => reported.TrySetResult(e) };
        var counters = new MessageCounters();
        await using var source = FramedTcpSource.Start(new JobRouter.FrameHandler(router, counters), options);
        using var client = new FrameClient(source.EndPoint);

        client.Send(Encode(Job.Frame(JobRouter.QuickKind, 1, 1), Job.Frame(JobRouter.FailKind, 2, 1), Job.Frame(JobRouter.QuickKind, 3, 1)));
        Assert.Equal(1UL, await Task.Run(client.ReadAcknowledgement).WaitAsync(Bound));
        await router.Started(2).WaitAsync(Bound);
        router.Open(2);

        var exception = await reported.Task.WaitAsync(Bound);
        Assert.Equal("job 2 failed after await", Assert.IsType<InvalidOperationException>(exception).Message);
        Assert.Null(await Task.Run(client.ReadAcknowledgement).WaitAsync(Bound)); // closed, with no acknowledgement of job 2
        await Frames.WaitUntil(() => source.ConnectionsOpen == 0);
        Assert.Equal(1, source.HandlerErrors);
        Assert.Equal(1, source.ConnectionsDropped);
        Assert.Equal(0, source.ConnectionFaults);
        Assert.Equal(["start 1@1", "end 1@1", "start 2@1"], On(router, 1)); // job 3 is never delivered
        Assert.Equal(1, counters.Routed);
    }

    [Fact(Timeout = 20_000)]
    public async Task Stopping_waits_for_a_pending_handler()
    {
        var router = new JobRouter();
        router.Hold(1);
        var source = FramedTcpSource.Start(new JobRouter.FrameHandler(router, null));
        using var client = new FrameClient(source.EndPoint);
        client.Send(Encode(Job.Frame(JobRouter.WaitKind, 1, 1)));
        await router.Started(1).WaitAsync(Bound);

        var stopped = source.StopAsync(Bound);
        router.Open(1);
        await stopped.WaitAsync(Bound);

        Assert.Equal(["start 1@1", "end 1@1"], On(router, 1)); // the handler completed before the stop did
        Assert.Null(router.Cancelled);
        FramedTcpSourceTests.AssertNoErrors(source);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_handler_still_pending_at_the_shutdown_deadline_is_cancelled()
    {
        var router = new JobRouter();
        router.Hold(1);
        var source = FramedTcpSource.Start(new JobRouter.FrameHandler(router, null));
        using var client = new FrameClient(source.EndPoint);
        client.Send(Encode(Job.Frame(JobRouter.WaitKind, 1, 1)));
        await router.Started(1).WaitAsync(Bound);

        await source.StopAsync(TimeSpan.FromMilliseconds(50)).WaitAsync(Bound);

        await Frames.WaitUntil(() => source.HandlerErrors == 1); // the cancelled work ends in OperationCanceledException
        Assert.IsAssignableFrom<OperationCanceledException>(router.Cancelled);
        Assert.Equal(["start 1@1"], On(router, 1));
    }
}
