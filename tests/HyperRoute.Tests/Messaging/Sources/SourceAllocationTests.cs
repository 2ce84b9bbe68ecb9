using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messages;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>
/// Steady state allocates nothing per frame. On TCP the handler itself reads the thread's allocation counter at each
/// frame: consecutive frames of one receive are delivered by one synchronous pass on one thread, so the difference
/// between them is exactly what the source did in between (framing, counting, building the context, the call).
/// What happens between receives (the await, the thread-pool hop) is on other threads and is not measured.
/// </summary>
public sealed class SourceAllocationTests(ITestOutputHelper output)
{
    private const int FramesPerWrite = 200;
    private const int Writes = 20;

    [Fact]
    public async Task The_TCP_source_allocates_nothing_between_consecutive_frames_of_a_receive()
    {
        var log = new AllocationLog(FramesPerWrite * (Writes + 1));
        var write = Frames.Encode(Enumerable.Range(0, FramesPerWrite).Select(i => $"frame {i:D6}").ToArray()); // 16 bytes on the wire each
        await AssertNothingAllocatedBetweenFramesAsync(new MeasuringHandler(log), log, write);
    }

    [Fact]
    public async Task The_TCP_source_allocates_nothing_between_frames_whose_async_handlers_complete_synchronously()
    {
        var log = new AllocationLog(FramesPerWrite * (Writes + 1));
        var handler = new Measuring<QuickJobRouter.FrameHandler>(new QuickJobRouter.FrameHandler(null), log);
        var write = Frames.Encode(default, Enumerable.Range(0, FramesPerWrite) // [On(2)] returns a completed ValueTask, [Otherwise] is an async method that never waits
            .Select(i => Job.Frame(i % 2 == 0 ? JobRouter.QuickKind : (byte)9, i)).ToArray());
        await AssertNothingAllocatedBetweenFramesAsync(handler, log, write);
    }

    [Fact]
    public async Task The_TCP_source_allocates_nothing_between_frames_counted_in_named_counters_with_no_listener()
    {
        // Named counters publish messaging.client.consumed.messages and messaging.process.duration; with no MeterListener
        // in this assembly neither is enabled: no clock read, no tags, nothing allocated.
        var log = new AllocationLog(FramesPerWrite * (Writes + 1));
        var handler = new Measuring<QuickJobRouter.FrameHandler>(new QuickJobRouter.FrameHandler(new MessageCounters("jobs")), log);
        var write = Frames.Encode(default, Enumerable.Range(0, FramesPerWrite)
            .Select(i => Job.Frame(i % 2 == 0 ? JobRouter.QuickKind : (byte)9, i)).ToArray());
        await AssertNothingAllocatedBetweenFramesAsync(handler, log, write);
    }

    private async Task AssertNothingAllocatedBetweenFramesAsync<THandler>(THandler handler, AllocationLog log, byte[] write)
        where THandler : struct, IFrameHandler
    {
        await using var source = FramedTcpSource.Start(handler);
        using var client = new FrameClient(source.EndPoint);

        client.Send(write); // warm-up: first calls, JIT tiers, the connection's buffer
        await Frames.WaitUntil(() => log.Count == FramesPerWrite);
        for (var i = 0; i < Writes; i++)
        {
            client.Send(write);
            var expected = FramesPerWrite * (i + 2);
            await Frames.WaitUntil(() => log.Count == expected);
        }

        var pairs = 0;
        for (var i = FramesPerWrite + 1; i < log.Count; i++)
        {
            if (log.Receive[i] == log.Receive[i - 1])
            {
                Assert.Equal(log.Thread[i - 1], log.Thread[i]);
                Assert.True(log.Allocated[i] == log.Allocated[i - 1], $"Frame {i} allocated {log.Allocated[i] - log.Allocated[i - 1]} bytes after frame {i - 1}.");
                pairs++;
            }
        }

        output.WriteLine($"{pairs} pairs of consecutive frames in one receive, 0 B between each");
        Assert.True(pairs >= Writes * FramesPerWrite / 2, $"Only {pairs} pairs of frames shared a receive: too few to measure.");
        FramedTcpSourceTests.AssertNoErrors(source);
    }

    [Fact]
    public void In_process_delivery_to_async_handlers_that_complete_synchronously_allocates_nothing()
    {
        var source = new InProcessSource<QuickJobRouter.FrameHandler>(new QuickJobRouter.FrameHandler(null));
        ReadOnlyMemory<byte> quick = Job.Frame(JobRouter.QuickKind, 1), other = Job.Frame(9, 2);
        for (var i = 0; i < 100; i++)
        {
            Completed(source.DeliverAsync(quick)); // warm-up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Completed(source.DeliverAsync(i % 2 == 0 ? quick : other));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, source.HandlerErrors);
    }

    [Fact]
    public void In_process_delivery_counted_in_named_counters_with_no_listener_allocates_nothing()
    {
        var counters = new MessageCounters("jobs");
        var source = new InProcessSource<QuickJobRouter.FrameHandler>(new QuickJobRouter.FrameHandler(counters));
        byte[] quick = Job.Frame(JobRouter.QuickKind, 1), other = Job.Frame(9, 2);
        for (var i = 0; i < 100; i++)
        {
            source.Deliver(quick); // warm-up
            Completed(source.DeliverAsync(other));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            source.Deliver(quick);
            Completed(source.DeliverAsync(other));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20_200, counters.Total);
        Assert.Equal(0, source.HandlerErrors);
    }

    [Fact]
    public void Framing_and_dispatch_allocate_nothing()
    {
        var log = new AllocationLog(1);
        var source = new InProcessSource<MeasuringHandler>(new MeasuringHandler(log));
        var stream = Frames.Encode(Enumerable.Range(0, 1000).Select(i => $"frame {i}").ToArray());
        source.DeliverFramed(stream); // warm-up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            source.DeliverFramed(stream);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(11_000, source.FramesReceived);
    }

    /// <summary>Where each frame was seen: preallocated, so recording allocates nothing.</summary>
    private sealed class AllocationLog(int capacity)
    {
        public readonly long[] Allocated = new long[capacity];
        public readonly long[] Receive = new long[capacity];
        public readonly int[] Thread = new int[capacity];
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Record(long allocated, long receive, int thread)
        {
            var i = _count;
            if (i < Allocated.Length)
            {
                Allocated[i] = allocated;
                Receive[i] = receive;
                Thread[i] = thread;
                Volatile.Write(ref _count, i + 1);
            }
        }
    }

    /// <summary>A delivery that must have completed synchronously.</summary>
    private static void Completed(ValueTask delivery) => Assert.True(delivery.IsCompletedSuccessfully);

    /// <summary>Records the allocation counter before each frame reaches <typeparamref name="THandler"/>.</summary>
    private struct Measuring<THandler>(THandler inner, AllocationLog log) : IFrameHandler
        where THandler : struct, IFrameHandler
    {
        private THandler _inner = inner;

        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context)
        {
            log.Record(GC.GetAllocatedBytesForCurrentThread(), context.Receive, Environment.CurrentManagedThreadId);
            _inner.OnFrame(frame, in context);
        }
    }

    private readonly struct MeasuringHandler(AllocationLog log) : IFrameHandler
    {
        [HotPath]
        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context) =>
            log.Record(GC.GetAllocatedBytesForCurrentThread(), context.Receive, Environment.CurrentManagedThreadId);
    }
}
