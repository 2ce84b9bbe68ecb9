using System;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// One connection of a <see cref="FramedTcpSource{THandler}"/>: an async receive loop over a pooled buffer, and a
/// synchronous pass per receive that delivers every complete frame to the connection's copy of the handler. A
/// handler that suspends ends the pass at its frame: the loop awaits its work, then delivers the rest of the receive
/// in another pass, so the connection's frames are handled one after another, in order.
/// </summary>
internal sealed class TcpFrameConnection<THandler>
    where THandler : struct, IFrameHandler
{
    private readonly FramedTcpSource<THandler> _source;
    private readonly Socket _socket;
    private readonly FrameFormat _format;
    private readonly int _initialSize;
    private readonly long _id;
    private readonly SocketAddress? _remoteAddress;
    private readonly bool _acknowledge;
    private readonly PendingFrame _pending; // where a handler leaves work that has not completed
    private readonly CancellationToken _aborted; // FrameContext.Aborted
    private THandler _handler; // this connection's copy: a mutable struct, called in place
    private ValueTask _work; // the suspended work of the frame the loop waits for
    private long _sequence;
    private long _handled; // frames whose handler completed: what the next acknowledgement says
    private long _receives;
    private int _closed;

    public TcpFrameConnection(FramedTcpSource<THandler> source, Socket socket, THandler handler, long id)
    {
        _source = source;
        _socket = socket;
        _handler = handler;
        _id = id;
        _format = source.Options.Format;
        _initialSize = source.Options.InitialBufferSize; // many frames per receive, even when one frame is small
        _remoteAddress = socket.RemoteEndPoint?.Serialize();
        _acknowledge = source.Options.SendAcknowledgements;
        _pending = new PendingFrame();
        _aborted = source.Aborted;
        if (_acknowledge)
        {
            socket.SendTimeout = AcknowledgeTimeoutMilliseconds; // a sender that never reads its acknowledgements cannot hold the loop for ever
        }
    }

    /// <summary>How long writing one acknowledgement may block on a sender that does not read them before the connection closes.</summary>
    private const int AcknowledgeTimeoutMilliseconds = 5000;

    private enum Outcome
    {
        Continue,
        Pending,
        Rejected,
        HandlerFailed,
        Closed,
    }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(RunAsync);

    /// <summary>Closes the socket; a pending receive ends, the loop finishes its current pass and exits.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception)
        {
            // Already reset by the peer, or not connected any more: closing is all that is left.
        }

        _socket.Dispose();
    }

    private async Task RunAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_initialSize);
        var filled = 0;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    return; // the peer closed: a partial frame is dropped, which is not an error
                }

                filled += received;
                var receive = ++_receives;
                var start = 0;
                var outcome = Deliver(buffer, filled, ref start, receive, out var required);
                while (outcome == Outcome.Pending)
                {
                    // A handler suspended: its frame (buffer[..start]) stays where it is, and nothing is received or
                    // delivered on this connection until its work completes. Then the rest of the receive is delivered.
                    outcome = await CompletePendingAsync().ConfigureAwait(false);
                    if (outcome == Outcome.Continue)
                    {
                        outcome = Deliver(buffer, filled, ref start, receive, out required);
                    }
                }

                if (outcome == Outcome.Closed)
                {
                    return; // an acknowledgement could not be written, or the source stopped: not an error here
                }

                if (outcome != Outcome.Continue)
                {
                    if (outcome == Outcome.Rejected)
                    {
                        Interlocked.Increment(ref _source.Counters.FramesRejected);
                    }

                    Interlocked.Increment(ref _source.Counters.ConnectionsDropped);
                    return;
                }

                if (start > 0)
                {
                    buffer.AsSpan(start, filled - start).CopyTo(buffer); // an incomplete frame moves to the start
                    filled -= start;
                }

                buffer = Resize(buffer, filled, required);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Reset by the peer, or closed by StopAsync: the connection is over.
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _source.Counters.Faults); // a bug in the source: contained to this connection
            System.Diagnostics.Debug.Fail("Framed TCP connection fault", exception.ToString());
        }
        finally
        {
            Close();
            ArrayPool<byte>.Shared.Return(buffer);
            _source.Remove(this);
        }
    }

    /// <summary>
    /// Delivers the complete frames of <c>buffer[start..filled]</c> until the end of the complete frames or a handler
    /// that suspends, advancing <paramref name="start"/> past the frames delivered. At the end it says how many bytes
    /// the next frame needs in all (counted from <paramref name="start"/>). Synchronous and allocation-free.
    /// </summary>
    /// <returns>
    /// <see cref="Outcome.Pending"/> when the last frame delivered suspended (the frames before it are acknowledged,
    /// it is not); <see cref="Outcome.Continue"/> at the end of the complete frames; otherwise why the connection ends.
    /// </returns>
    private Outcome Deliver(byte[] buffer, int filled, ref int start, long receive, out int required)
    {
        var reader = new FrameReader(buffer.AsSpan(start, filled - start), _format);
        long frames = 0, bytes = 0;
        var suspended = false;
        var batch = SendBatch.Enter(); // what the handler sends to TCP peers is written once, when the pass ends
        try
        {
            while (reader.TryReadNext(out var frame))
            {
                frames++;
                bytes += frame.Length;
                var memory = buffer.AsMemory(start + reader.Consumed - frame.Length, frame.Length);
                MessageCounters.BeginFrame(); // messaging.process.duration starts here, when a listener wants it
                _handler.OnFrame(frame, new FrameContext(_id, _sequence++, _remoteAddress, receive, memory, _pending, _aborted));
                if (_pending.TryTake(out var work))
                {
                    if (!work.IsCompleted)
                    {
                        _work = work;
                        suspended = true;
                        break;
                    }

                    work.GetAwaiter().GetResult(); // suspended work that had already completed: handled (or thrown) now
                }
            }
        }
        catch (Exception exception)
        {
            MessageCounters.EndFrame();
            _pending.Clear();
            batch.Exit();
            _source.Counters.AddDelivered(frames, bytes);
            _source.Counters.ReportHandlerError(exception, _source.Options.OnHandlerError);
            Acknowledge(frames - 1); // the frames before the failed one were handled: acknowledged before the close
            required = 0;
            return Outcome.HandlerFailed;
        }

        MessageCounters.EndFrame(); // a start no outcome took (a handler that counted nothing) is not measured from later
        batch.Exit();
        start += reader.Consumed;
        _source.Counters.AddDelivered(frames, bytes);
        if (!Acknowledge(suspended ? frames - 1 : frames)) // a suspended frame is acknowledged when its work completes
        {
            required = 0;
            return Outcome.Closed;
        }

        if (suspended)
        {
            required = 0;
            return Outcome.Pending;
        }

        required = reader.Required;
        return reader.Status == FrameStatus.NeedMore
            ? Outcome.Continue
            : Outcome.Rejected; // oversize or a forbidden empty frame: nothing after it can be trusted
    }

    /// <summary>
    /// Waits for the work the last delivered frame's handler suspended: a fault is a handler error (the connection
    /// closes and the frame is not acknowledged), a success acknowledges the frame. <see cref="Outcome.Closed"/> when
    /// the source stopped meanwhile: the frames after it are not delivered (nor acknowledged).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome> CompletePendingAsync()
    {
        var work = _work;
        _work = default;
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _source.Counters.ReportHandlerError(exception, _source.Options.OnHandlerError);
            return Outcome.HandlerFailed;
        }

        if (SendBatch.Current is not null)
        {
            // The work completed inside another connection's pass on this thread (its handler completed it), and
            // this continuation ran inline: leave that pass, so its sends are not written after this acknowledgement.
            await Task.Yield();
        }

        if (Volatile.Read(ref _closed) != 0)
        {
            return Outcome.Closed;
        }

        return Acknowledge(1) ? Outcome.Continue : Outcome.Closed;
    }

    /// <summary>
    /// With <see cref="FramedTcpSourceOptions.SendAcknowledgements"/>, after a pass whose last <paramref name="handled"/> frames
    /// returned from the handler (and once the pass's sends were written): writes the cumulative count of handled frames
    /// of this connection. False when the write failed.
    /// </summary>
    private bool Acknowledge(long handled)
    {
        if (!_acknowledge || handled <= 0)
        {
            return true;
        }

        _handled += handled;
        try
        {
            return Acknowledgement.TrySend(_socket, (ulong)_handled);
        }
        catch (ObjectDisposedException)
        {
            return false; // closed by StopAsync during the pass
        }
    }

    /// <summary>
    /// Grows the buffer for a frame that will not fit (up to the format's largest frame), and gives a grown buffer
    /// back once what is left fits the initial size again.
    /// </summary>
    private byte[] Resize(byte[] buffer, int filled, int required)
    {
        int size;
        if (required > buffer.Length)
        {
            size = required; // at most FrameFormat.MaxWireSize: the reader rejects larger prefixes
        }
        else if (buffer.Length > _initialSize && filled <= _initialSize && required <= _initialSize)
        {
            size = _initialSize;
        }
        else
        {
            return buffer;
        }

        var resized = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, filled).CopyTo(resized);
        ArrayPool<byte>.Shared.Return(buffer);
        return resized;
    }
}
