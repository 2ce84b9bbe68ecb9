using System;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messages;

/// <summary>A router with <c>async ValueTask</c> handlers: <c>Route</c> returns its outcome when the handler completed.</summary>
public sealed class AsyncRouterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Route_is_Routed_when_the_async_handler_completed()
    {
        var router = new JobRouter();
        router.Hold(1);
        var job = new Job { Kind = JobRouter.WaitKind, Number = 1 };

        var routing = router.Route(in job);
        Assert.False(routing.IsCompleted);

        router.Open(1);
        Assert.Equal(MessageOutcome.Routed, await routing.AsTask().WaitAsync(Bound));
        Assert.Equal(["start 1@0", "end 1@0"], router.Journal);
    }

    [Fact]
    public void Synchronous_and_synchronously_completing_handlers_and_unrouted_messages_complete_at_once()
    {
        var router = new JobRouter();

        Assert.Equal(MessageOutcome.Routed, Completed(router.Route(new Job { Kind = JobRouter.QuickKind, Number = 1 })));
        Assert.Equal(MessageOutcome.Routed, Completed(router.Route(new Job { Kind = JobRouter.SyncKind, Number = 2 })));
        Assert.Equal(MessageOutcome.Unrouted, Completed(router.Route(new Job { Kind = 99, Number = 3 })));
        Assert.Equal(MessageOutcome.Malformed, Completed(router.TryRoute(new byte[2], out var consumed)));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_handlers_that_take_one()
    {
        var router = new JobRouter();
        router.Hold(1);
        using var cancellation = new System.Threading.CancellationTokenSource();

        var routing = router.Route(new Job { Kind = JobRouter.WaitKind, Number = 1 }, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => routing.AsTask().WaitAsync(Bound));
    }

    [Fact]
    public void Routing_to_async_handlers_that_complete_synchronously_allocates_nothing()
    {
        var quick = new Job { Kind = JobRouter.QuickKind };
        var other = new Job { Kind = 9 };
        for (var i = 0; i < 100; i++)
        {
            Completed(QuickJobRouter.Route(in quick)); // warm-up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Completed(QuickJobRouter.Route(in i % 2 == 0 ? ref quick : ref other));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>The outcome of a routing that must have completed synchronously.</summary>
    private static MessageOutcome Completed(ValueTask<MessageOutcome> routing)
    {
        Assert.True(routing.IsCompletedSuccessfully);
        return routing.Result;
    }
}
