using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// Frames handed over in process, through the same handler contract as the socket sources: a test double for them,
/// or a way to feed a handler from code that already has the bytes. Allocates nothing per frame.
/// </summary>
/// <remarks>
/// <see cref="Deliver"/> and <see cref="DeliverAsync"/> call the handler on the caller's thread. The counters are
/// thread-safe; the handler is one value, so callers that deliver concurrently share its fields (keep a handler that
/// has state to one caller). A handler exception is counted (<see cref="HandlerErrors"/>) and propagates to the
/// caller, who is there to see it. A handler that suspends (<see cref="FrameContext.Suspend"/>) needs
/// <see cref="DeliverAsync"/>, whose memory outlives the call: its work is what the returned task waits for.
/// </remarks>
public sealed class InProcessSource<THandler>
    where THandler : struct, IFrameHandler
{
    private THandler _handler;
    private long _frames;
    private long _bytes;
    private long _handlerErrors;

    /// <summary>A source that delivers to <paramref name="handler"/>.</summary>
    public InProcessSource(THandler handler) => _handler = handler;

    /// <summary>The handler value frames are delivered to: its state can be read (or reset) here.</summary>
    public ref THandler Handler => ref _handler;

    /// <summary>Frames delivered (including ones whose handler threw).</summary>
    public long FramesReceived => Interlocked.Read(ref _frames);

    /// <summary>Bytes of the frames delivered.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytes);

    /// <summary>Handler calls that threw, or whose suspended work ended with an exception.</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>
    /// Delivers <paramref name="frame"/> as one frame, to a synchronous handler: the span is only valid during the
    /// call, so a handler that suspends (<see cref="FrameContext.Suspend"/>) throws <see cref="InvalidOperationException"/>
    /// here; deliver to it with <see cref="DeliverAsync"/>.
    /// </summary>
    public void Deliver(ReadOnlySpan<byte> frame)
    {
        var sequence = Interlocked.Increment(ref _frames) - 1;
        Interlocked.Add(ref _bytes, frame.Length);
        try
        {
            MessageCounters.BeginFrame(); // messaging.process.duration starts here, when a listener wants it
            _handler.OnFrame(frame, new FrameContext(0, sequence, null, 0));
            MessageCounters.EndFrame();
        }
        catch
        {
            MessageCounters.EndFrame();
            Interlocked.Increment(ref _handlerErrors);
            throw;
        }
    }

    /// <summary>
    /// Delivers <paramref name="frame"/> as one frame, to a handler that may suspend: completes when the handler
    /// has, synchronously (and without allocating) when it did not suspend. <paramref name="frame"/> must stay
    /// unchanged until then (it is <see cref="FrameContext.Frame"/>). The handler's exception, thrown or ending its
    /// work, is counted and comes out of the returned task.
    /// </summary>
    /// <param name="frame">The frame's bytes.</param>
    /// <param name="aborted">What the handler sees as <see cref="FrameContext.Aborted"/>.</param>
    public ValueTask DeliverAsync(ReadOnlyMemory<byte> frame, CancellationToken aborted = default)
    {
        var sequence = Interlocked.Increment(ref _frames) - 1;
        Interlocked.Add(ref _bytes, frame.Length);
        var pending = PendingFrame.ForCurrentThread;
        ValueTask work;
        try
        {
            MessageCounters.BeginFrame(); // messaging.process.duration starts here, when a listener wants it
            _handler.OnFrame(frame.Span, new FrameContext(0, sequence, null, 0, frame, pending, aborted));
            MessageCounters.EndFrame();
            if (!pending.TryTake(out work))
            {
                return default;
            }

            if (work.IsCompleted)
            {
                work.GetAwaiter().GetResult(); // suspended work that had already completed: handled (or thrown) now
                return default;
            }
        }
        catch
        {
            MessageCounters.EndFrame();
            pending.Clear();
            Interlocked.Increment(ref _handlerErrors);
            throw;
        }

        return CompleteAsync(work);
    }

    /// <summary>
    /// Delivers every complete length-prefixed frame at the start of <paramref name="bytes"/>, as a stream source would.
    /// </summary>
    /// <returns>
    /// The reader after the last complete frame: <see cref="FrameReader.Consumed"/> bytes were delivered as frames;
    /// its <see cref="FrameReader.Status"/> says whether the rest is an incomplete frame or a malformed prefix.
    /// </returns>
    public FrameReader DeliverFramed(ReadOnlySpan<byte> bytes, FrameFormat format = default)
    {
        var reader = new FrameReader(bytes, format);
        while (reader.TryReadNext(out var frame))
        {
            Deliver(frame);
        }

        return reader;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CompleteAsync(ValueTask work)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Increment(ref _handlerErrors);
            throw;
        }
    }
}
