using System;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// A UDP socket whose datagrams are frames: no prefix, one datagram one frame, delivered by one receive loop to
/// one handler value (so the handler's calls never overlap). The receive buffer (pooled) and the sender's address
/// object are reused for every datagram: nothing is allocated per datagram.
/// </summary>
/// <remarks>
/// <para>
/// A handler that suspends (<see cref="FrameContext.Suspend"/>) is waited for before the next datagram is received:
/// datagrams are handled one at a time, in the order they were received, and the suspended one's bytes
/// (<see cref="FrameContext.Frame"/>) and sender (<see cref="FrameContext.RemoteAddress"/>) stay valid until its work
/// completes, with no copy. Datagrams that arrive meanwhile wait in the socket's receive buffer (the kernel drops
/// what does not fit, as UDP does): run handlers that wait long on a source of their own, or hand the work off.
/// </para>
/// <para>
/// A datagram over <see cref="UdpSourceOptions.MaxDatagramSize"/> is dropped and counted in
/// <see cref="DatagramsRejected"/> (the buffer is one byte larger than the maximum, so an oversize datagram is seen
/// as such rather than delivered truncated). A handler exception is counted in <see cref="HandlerErrors"/> and
/// reported to <see cref="UdpSourceOptions.OnHandlerError"/>; there is no connection to close, so the next datagram
/// is delivered as usual; the same for the exception a suspended handler's work ends with. Empty datagrams are
/// delivered as empty frames.
/// </para>
/// </remarks>
public sealed class UdpSource<THandler> : IAsyncDisposable
    where THandler : struct, IFrameHandler
{
    private readonly Socket _socket;
    private readonly object _stopLock = new();
    private readonly SourceCounters _counters = new();
    private readonly Task _receiveLoop;
    private readonly CancellationTokenSource _aborted = new(); // FrameContext.Aborted: cancelled when the shutdown deadline passes
    private readonly PendingFrame _pending;
    private THandler _handler;
    private ValueTask _work; // the suspended work of the datagram the loop waits for
    private volatile bool _stopping;
    private Task? _stopTask;

    private UdpSource(THandler handler, UdpSourceOptions options, Socket socket)
    {
        _handler = handler;
        Options = options;
        _socket = socket;
        _pending = new PendingFrame();
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The options the source runs with.</summary>
    public UdpSourceOptions Options { get; }

    /// <summary>The bound address and port (the real port when <see cref="UdpSourceOptions.Port"/> was 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Datagrams delivered to the handler (including ones whose handler threw).</summary>
    public long FramesReceived => Interlocked.Read(ref _counters.Frames);

    /// <summary>The bytes of the datagrams delivered.</summary>
    public long BytesReceived => Interlocked.Read(ref _counters.Bytes);

    /// <summary>Datagrams dropped for being over <see cref="UdpSourceOptions.MaxDatagramSize"/>.</summary>
    public long DatagramsRejected => Interlocked.Read(ref _counters.FramesRejected);

    /// <summary>Handler calls that threw.</summary>
    public long HandlerErrors => Interlocked.Read(ref _counters.HandlerErrors);

    /// <summary>Receive failures of the socket that the loop survived (ICMP errors reported on the socket, for instance).</summary>
    public long ReceiveErrors => Interlocked.Read(ref _counters.Faults);

    internal static UdpSource<THandler> Start(THandler handler, UdpSourceOptions options)
    {
        options.Validate();
        var socket = new Socket(options.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(options.Address, options.Port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new UdpSource<THandler>(handler, options, socket);
    }

    /// <summary>
    /// Closes the socket (a datagram being delivered is delivered first) and completes when the receive loop has
    /// ended, or after <paramref name="deadline"/> (default <see cref="UdpSourceOptions.ShutdownTimeout"/>). Idempotent.
    /// </summary>
    public Task StopAsync(TimeSpan? deadline = null)
    {
        lock (_stopLock)
        {
            return _stopTask ??= StopCoreAsync(deadline ?? Options.ShutdownTimeout);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StopCoreAsync(TimeSpan deadline)
    {
        _stopping = true;
        _socket.Dispose();
        try
        {
            await _receiveLoop.WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The handler is still running past the deadline; the loop ends when it returns. Pending work is asked to
            // give up.
            await _aborted.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var max = Options.MaxDatagramSize;
        var buffer = ArrayPool<byte>.Shared.Rent(max + 1); // one byte more than the maximum: an oversize datagram shows
        var sender = new SocketAddress(_socket.AddressFamily);
        long sequence = 0, receives = 0;
        try
        {
            while (!_stopping)
            {
                int received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer.AsMemory(0, max + 1), SocketFlags.None, sender).ConfigureAwait(false);
                }
                catch (SocketException exception) when (!_stopping && exception.SocketErrorCode == SocketError.MessageSize)
                {
                    Interlocked.Increment(ref _counters.FramesRejected); // Windows reports a truncated datagram this way
                    continue;
                }
                catch (SocketException) when (!_stopping)
                {
                    Interlocked.Increment(ref _counters.Faults); // e.g. ICMP port unreachable for an earlier send
                    continue;
                }

                if (received > max)
                {
                    Interlocked.Increment(ref _counters.FramesRejected);
                    continue;
                }

                if (Deliver(buffer, received, sequence++, sender, ++receives))
                {
                    // The handler suspended: the buffer and the sender's address are its datagram's until its work
                    // completes, so the next datagram is received after that.
                    await CompletePendingAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Closed by StopAsync.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Delivers one datagram; <see langword="true"/> when its handler suspended work that has not completed.</summary>
    private bool Deliver(byte[] buffer, int received, long sequence, SocketAddress sender, long receive)
    {
        _counters.AddDelivered(1, received);
        try
        {
            MessageCounters.BeginFrame(); // messaging.process.duration starts here, when a listener wants it
            _handler.OnFrame(buffer.AsSpan(0, received), new FrameContext(0, sequence, sender, receive, buffer.AsMemory(0, received), _pending, _aborted.Token));
            MessageCounters.EndFrame();
            if (_pending.TryTake(out var work))
            {
                if (!work.IsCompleted)
                {
                    _work = work;
                    return true;
                }

                work.GetAwaiter().GetResult(); // suspended work that had already completed: handled (or thrown) now
            }
        }
        catch (Exception exception)
        {
            MessageCounters.EndFrame();
            _pending.Clear();
            _counters.ReportHandlerError(exception, Options.OnHandlerError);
        }

        return false;
    }

    /// <summary>Waits for the work the last datagram's handler suspended; its exception is a handler error.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CompletePendingAsync()
    {
        var work = _work;
        _work = default;
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _counters.ReportHandlerError(exception, Options.OnHandlerError);
        }
    }
}
