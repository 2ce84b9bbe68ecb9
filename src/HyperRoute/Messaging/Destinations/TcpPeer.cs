using System;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// A TCP destination: a small pool of persistent connections to one host and port, each frame sent whole behind a
/// length prefix. A send never throws for a network failure: it returns a <see cref="SendResult"/>, and while no
/// connection is up it returns <see cref="SendResult.Disconnected"/> at once, so a strategy's health can fail over.
/// </summary>
/// <remarks>
/// <para>Each connection reconnects on its own after a failure (a send error, or the far end closing, which a pending
/// read notices) with exponential backoff (<see cref="TcpPeerOptions.Backoff"/>). A send picks a connection in turn
/// and takes the first one after it that is up and not busy; when all that are up are busy it waits for the one whose
/// turn it is.</para>
/// <para>The frame is copied after its prefix into the connection's pooled buffer and written with one blocking
/// <c>send</c> (bounded by <see cref="TcpPeerOptions.SendTimeout"/>): no allocation per send once the buffer is as
/// large as the largest frame. <see cref="SendResult.Sent"/> means the bytes were accepted by the local operating
/// system, not that the far end read them (see <c>docs/destinations.md</c>).</para>
/// <para>Sends made while a HyperRoute source delivers the frames of one receive (a router forwarding what it reads)
/// are queued per connection and written together when that pass ends: one <c>send</c> per connection and pass
/// instead of one per frame. Then <see cref="SendResult.Sent"/> means queued for that write; a connection that fails
/// before it loses the queued frames, counted in <see cref="FramesLost"/>. Turn it off with
/// <see cref="TcpPeerOptions.BatchWithinReceive"/>.</para>
/// <para>With <see cref="TcpPeerOptions.RequireAcknowledgements"/> the receiver acknowledges what it handled, and each
/// connection keeps every frame it reported sent until an acknowledgement covers it (up to
/// <see cref="TcpPeerOptions.MaxUnacknowledgedBytes"/>; beyond, a send waits). When the connection fails, those frames
/// go to <see cref="TcpPeerOptions.OnUnacknowledged"/> or are resent on the next connection: at-least-once delivery,
/// and nothing counts in <see cref="FramesLost"/> while the peer lives.</para>
/// </remarks>
public sealed class TcpPeer : IFrameDestination, IAsyncDisposable
{
    private readonly TcpConnection[] _connections;
    private readonly int _maxFrame;
    private readonly bool _batching;
    private int _turn = -1;
    private int _disposed;

    /// <summary>Starts connecting every connection of the pool (sends return <see cref="SendResult.Disconnected"/> until one is up).</summary>
    public TcpPeer(TcpPeerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _maxFrame = options.Format.MaxWireSize - options.Format.PrefixSize; // what the receiving end accepts
        _batching = options.BatchWithinReceive;
        _connections = new TcpConnection[options.PoolSize];
        for (var i = 0; i < _connections.Length; i++)
        {
            _connections[i] = new TcpConnection(this, options);
        }
    }

    /// <summary>Where this peer connects and how.</summary>
    public TcpPeerOptions Options { get; }

    /// <summary>How many connections of the pool are up.</summary>
    public int ConnectedCount => (int)Sum(static c => c.IsConnected ? 1 : 0);

    /// <summary>Connect attempts of every connection so far (the first connects included).</summary>
    public int ConnectAttempts => (int)Sum(static c => c.Attempts);

    /// <summary>
    /// Frames that were reported <see cref="SendResult.Sent"/> while queued in a receive pass (see
    /// <see cref="TcpPeerOptions.BatchWithinReceive"/>) and lost because their connection failed before the pass's write.
    /// With <see cref="TcpPeerOptions.RequireAcknowledgements"/> such frames are kept instead, and this counts only the
    /// frames still unacknowledged at dispose that <see cref="TcpPeerOptions.OnUnacknowledged"/> did not take.
    /// </summary>
    public long FramesLost => Sum(static c => c.FramesLost);

    /// <summary>
    /// Frames the receiver acknowledged (handled) so far, over every connection. Always 0 without
    /// <see cref="TcpPeerOptions.RequireAcknowledgements"/>.
    /// </summary>
    public long Acknowledged => Sum(static c => c.Acknowledged);

    /// <summary>
    /// Frames reported <see cref="SendResult.Sent"/> and not acknowledged yet, over every connection: in flight, queued
    /// in a receive pass, or kept to be resent when a failed connection is back. Always 0 without acknowledgements.
    /// </summary>
    public long Unacknowledged => Sum(static c => c.Unacknowledged);

    /// <summary>
    /// Unacknowledged frames of failed connections that <see cref="TcpPeerOptions.OnUnacknowledged"/> took, plus those
    /// resent on a new connection (a frame resent twice counts twice). Each may have been handled already: a receiver
    /// sees it at least once.
    /// </summary>
    public long Redelivered => Sum(static c => c.Redelivered);

    /// <summary>The <c>send</c> system calls made so far, over every connection: one per frame outside receive passes, one per connection and pass within them.</summary>
    public long Writes => Sum(static c => c.Writes);

    /// <summary>The wait before the latest reconnect attempt of connection <paramref name="index"/> (zero before its first failure).</summary>
    public TimeSpan LastBackoff(int index) => _connections[index].LastBackoff;

    /// <summary>Sends one frame (its length prefix is added here). Returns <see cref="SendResult.Sent"/> or why not; never throws for a network failure.</summary>
    [HotPath]
    public SendResult Send(ReadOnlySpan<byte> frame)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return SendResult.Disposed;
        }

        if (frame.Length > _maxFrame)
        {
            return SendResult.FrameTooLarge;
        }

        var batch = _batching ? SendBatch.Current : null;
        var connections = _connections;
        var start = (int)((uint)Interlocked.Increment(ref _turn) % (uint)connections.Length);
        for (var step = 0; step < connections.Length; step++)
        {
            var connection = connections[(start + step) % connections.Length];
            if (connection.IsConnected && Monitor.TryEnter(connection.Gate))
            {
                try
                {
                    return connection.SendLocked(frame, batch);
                }
                finally
                {
                    Monitor.Exit(connection.Gate);
                }
            }
        }

        // Every connection that is up is busy: wait for the first of them in turn.
        for (var step = 0; step < connections.Length; step++)
        {
            var connection = connections[(start + step) % connections.Length];
            if (connection.IsConnected)
            {
                lock (connection.Gate)
                {
                    return connection.SendLocked(frame, batch);
                }
            }
        }

        return SendResult.Disconnected; // no connection is up: fail fast
    }

    /// <summary>Sends one frame; see <see cref="Send(ReadOnlySpan{byte})"/>.</summary>
    [HotPath]
    public SendResult Send(ReadOnlyMemory<byte> frame) => Send(frame.Span);

    /// <summary>Stops reconnecting and closes every connection gracefully (frames already sent are delivered first).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var connection in _connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private long Sum(Func<TcpConnection, long> counter)
    {
        long count = 0;
        foreach (var connection in _connections)
        {
            count += counter(connection);
        }

        return count;
    }

    /// <inheritdoc/>
    public override string ToString() => $"tcp://{Options.Host}:{Options.Port}";
}
