using System;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messages;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary><see cref="InProcessSource{THandler}.DeliverAsync"/>: the frame's task is the handler's pending work.</summary>
public sealed class InProcessSourceAsyncHandlerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DeliverAsync_completes_when_the_async_handler_has()
    {
        var router = new JobRouter();
        router.Hold(1);
        var counters = new MessageCounters();
        var source = new InProcessSource<JobRouter.FrameHandler>(new JobRouter.FrameHandler(router, counters));

        var delivered = source.DeliverAsync(Job.Frame(JobRouter.WaitKind, 1));
        Assert.False(delivered.IsCompleted);
        Assert.Equal(0, counters.Routed); // counted when routing completes

        router.Open(1);
        await delivered.AsTask().WaitAsync(Bound);
        Assert.Equal(1, counters.Routed);
        Assert.Equal(["start 1@0", "end 1@0"], router.Journal);
    }

    [Fact]
    public void DeliverAsync_completes_at_once_for_a_handler_that_completed_synchronously()
    {
        var counters = new MessageCounters();
        var source = new InProcessSource<JobRouter.FrameHandler>(new JobRouter.FrameHandler(new JobRouter(), counters));

        Assert.True(source.DeliverAsync(Job.Frame(JobRouter.QuickKind, 1)).IsCompletedSuccessfully);
        Assert.True(source.DeliverAsync(Job.Frame(JobRouter.SyncKind, 2)).IsCompletedSuccessfully);
        Assert.Equal(2, counters.Routed);
    }

    [Fact]
    public async Task An_exception_after_await_comes_out_of_DeliverAsync_and_is_counted()
    {
        var router = new JobRouter();
        router.Hold(1);
        var source = new InProcessSource<JobRouter.FrameHandler>(new JobRouter.FrameHandler(router, null));

        var delivered = source.DeliverAsync(Job.Frame(JobRouter.FailKind, 1));
        router.Open(1);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => delivered.AsTask().WaitAsync(Bound));
        Assert.Equal("job 1 failed after await", exception.Message);
        Assert.Equal(1, source.HandlerErrors);
    }

    [Fact]
    public async Task Deliver_of_a_span_refuses_a_handler_that_suspends()
    {
        var router = new JobRouter();
        router.Hold(1);
        var source = new InProcessSource<JobRouter.FrameHandler>(new JobRouter.FrameHandler(router, null));

        Assert.Throws<InvalidOperationException>(() => source.Deliver(Job.Frame(JobRouter.WaitKind, 1)));
        Assert.Equal(1, source.HandlerErrors);

        router.Open(1); // the handler had started: it runs to its end, unobserved
        await router.Started(1).WaitAsync(Bound);
        source.Deliver(Job.Frame(JobRouter.QuickKind, 2)); // a handler that completes synchronously is fine
    }
}
