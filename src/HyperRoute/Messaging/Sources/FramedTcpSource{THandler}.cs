using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// A TCP listener whose connections carry length-prefixed frames (<see cref="FrameFormat"/>). Each connection has
/// one async receive loop and a pooled receive buffer; every complete frame in the received bytes is passed, in
/// order, to the connection's copy of the handler, a direct call on the handler's struct type. A handler that
/// suspends (<see cref="FrameContext.Suspend"/>) holds its connection: the connection's next frame is delivered once
/// its work completed, while the other connections go on.
/// </summary>
/// <remarks>
/// Errors, per connection (the other connections carry on):
/// a prefix over the maximum (or an empty frame where those are not allowed) counts in <see cref="FramesRejected"/>
/// and <see cref="ConnectionsDropped"/> and closes the connection; a handler exception counts in
/// <see cref="HandlerErrors"/> and <see cref="ConnectionsDropped"/>, goes to
/// <see cref="FramedTcpSourceOptions.OnHandlerError"/>, and closes the connection (the same for the exception a
/// suspended handler's work ends with); a peer that closes or resets the
/// connection, even mid-frame, simply ends it (the partial frame is dropped, nothing is counted as an error).
/// </remarks>
public sealed class FramedTcpSource<THandler> : IAsyncDisposable
    where THandler : struct, IFrameHandler
{
    private readonly THandler _handler;
    private readonly Socket _listener;
    private readonly ConcurrentDictionary<TcpFrameConnection<THandler>, byte> _connections = new();
    private readonly object _stopLock = new();
    private readonly Task _acceptLoop;
    private readonly CancellationTokenSource _aborted = new(); // FrameContext.Aborted: cancelled when the shutdown deadline passes
    private volatile bool _stopping;
    private Task? _stopTask;

    private FramedTcpSource(THandler handler, FramedTcpSourceOptions options, Socket listener)
    {
        _handler = handler;
        Options = options;
        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The options the source runs with.</summary>
    public FramedTcpSourceOptions Options { get; }

    /// <summary>The bound address and port (the real port when <see cref="FramedTcpSourceOptions.Port"/> was 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Complete frames delivered to handlers (counted per receive, after its frames were handled).</summary>
    public long FramesReceived => Interlocked.Read(ref Counters.Frames);

    /// <summary>The bytes of the frames delivered, prefixes not included.</summary>
    public long BytesReceived => Interlocked.Read(ref Counters.Bytes);

    /// <summary>Length prefixes rejected (over the maximum, or an empty frame where not allowed); each closed its connection.</summary>
    public long FramesRejected => Interlocked.Read(ref Counters.FramesRejected);

    /// <summary>Handler calls that threw; each closed its connection.</summary>
    public long HandlerErrors => Interlocked.Read(ref Counters.HandlerErrors);

    /// <summary>Connections accepted since the start.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref Counters.ConnectionsAccepted);

    /// <summary>Connections the source closed because of an error (a rejected frame or a handler exception).</summary>
    public long ConnectionsDropped => Interlocked.Read(ref Counters.ConnectionsDropped);

    /// <summary>Connections open now.</summary>
    public int ConnectionsOpen => Volatile.Read(ref Counters.ConnectionsOpen);

    /// <summary>Connections ended by a failure of the source itself (a bug); every test asserts it is zero.</summary>
    public long ConnectionFaults => Interlocked.Read(ref Counters.Faults);

    internal SourceCounters Counters { get; } = new();

    /// <summary>What <see cref="FrameContext.Aborted"/> is on every connection.</summary>
    internal CancellationToken Aborted => _aborted.Token;

    internal static FramedTcpSource<THandler> Start(THandler handler, FramedTcpSourceOptions options)
    {
        options.Validate();
        var listener = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(options.Address, options.Port));
            listener.Listen(options.Backlog);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new FramedTcpSource<THandler>(handler, options, listener);
    }

    /// <summary>
    /// Stops accepting, then closes every connection: a receive in progress is abandoned, but the frames of a
    /// receive already being delivered are all delivered first (delivery is synchronous within a receive), except
    /// those after a frame whose handler suspended: that handler's work is waited for, and the frames after it are
    /// not delivered (nor acknowledged). Completes when every connection loop has ended, or after
    /// <paramref name="deadline"/> (default <see cref="FramedTcpSourceOptions.ShutdownTimeout"/>) if a handler is still
    /// busy; then <see cref="FrameContext.Aborted"/> is cancelled for the work still pending. Idempotent.
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

    internal void Remove(TcpFrameConnection<THandler> connection)
    {
        _connections.TryRemove(connection, out _);
        Interlocked.Decrement(ref Counters.ConnectionsOpen);
    }

    private async Task StopCoreAsync(TimeSpan deadline)
    {
        _stopping = true;
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        var connections = _connections.Keys.ToArray();
        foreach (var connection in connections)
        {
            connection.Close();
        }

        try
        {
            await Task.WhenAll(connections.Select(c => c.Completion)).WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A handler is still running past the deadline: its connection is closed and will end when it returns;
            // pending work is asked to give up.
            await _aborted.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task AcceptLoopAsync()
    {
        long nextId = 0;
        while (!_stopping)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return; // stopped
            }
            catch (SocketException) when (_stopping)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // a connection that failed while being accepted: the next one is unaffected
            }

            if (_stopping)
            {
                socket.Dispose();
                return;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref Counters.ConnectionsAccepted);
            Interlocked.Increment(ref Counters.ConnectionsOpen);
            var connection = new TcpFrameConnection<THandler>(this, socket, _handler, ++nextId);
            _connections.TryAdd(connection, 0);
            connection.Start();
        }
    }
}
