using System;
using System.Buffers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// The connection's loop: connect (at once the first time) → resend what was not acknowledged → watch (read
/// acknowledgements, notice the far end closing) → drop → hand the unacknowledged frames off → wait → connect …; and dispose.
/// </summary>
internal sealed partial class TcpConnection
{
    /// <summary>
    /// Stops reconnecting, closes the connection gracefully (what was sent is delivered before the close) and returns the
    /// buffers. With acknowledgements it first writes what passes queued and waits, up to
    /// <see cref="TcpPeerOptions.SendTimeout"/>, for the receiver to acknowledge everything; frames still not acknowledged
    /// then go to <see cref="TcpPeerOptions.OnUnacknowledged"/>, or, without one, are counted in <see cref="FramesLost"/>
    /// (there is no reconnect left to resend them on).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_unacknowledged is not null)
        {
            await DrainAsync(_unacknowledged).ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        var socket = Volatile.Read(ref _socket);
        if (socket is not null)
        {
            Drop(socket, graceful: true);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (_unacknowledged is not null)
        {
            HandOffUnacknowledged(_unacknowledged);
            Interlocked.Add(ref _framesLost, _unacknowledged.Clear());
            _unacknowledged.Release();
        }

        lock (Gate)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        _stop.Dispose();
    }

    /// <summary>Writes what passes queued and waits (bounded) until the receiver has acknowledged everything, or the connection fails.</summary>
    private async Task DrainAsync(UnacknowledgedFrames unacknowledged)
    {
        lock (Gate)
        {
            var socket = Volatile.Read(ref _socket);
            if (socket is not null && _queuedBytes > 0)
            {
                WriteQueuedLocked(socket);
            }
        }

        try
        {
            await unacknowledged.WhenEmptyAsync().WaitAsync(_options.SendTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The receiver did not acknowledge everything in time: what is left goes the unacknowledged way.
        }
    }

    /// <summary>Takes the connection down if <paramref name="socket"/> is still the current one; the loop then reconnects.</summary>
    private void Drop(Socket socket, bool graceful = false)
    {
        if (Interlocked.CompareExchange(ref _socket, null, socket) != socket)
        {
            return; // already dropped by someone else
        }

        _unacknowledged?.Lose(); // a send waiting for acknowledgements gives up (and releases the lock taken next)
        lock (Gate) // no send is half-way through the socket while it closes
        {
            if (graceful && _queuedBytes > 0)
            {
                WriteQueuedLocked(socket); // a graceful close delivers what a pass queued
            }

            DiscardQueuedLocked(); // a failed connection loses it (or, with acknowledgements, keeps it unacknowledged)
            if (graceful)
            {
                try
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                }
            }

            socket.Dispose();
        }
    }

    /// <summary>
    /// Offers the frames the failed connection left unacknowledged to <see cref="TcpPeerOptions.OnUnacknowledged"/>;
    /// what it does not take (everything, without a handler) stays to be resent on the next connection.
    /// </summary>
    private void HandOffUnacknowledged(UnacknowledgedFrames unacknowledged)
    {
        lock (Gate)
        {
            // Nothing to do: taking the lock waits for a send that was still writing on the old socket, which may have
            // taken back a frame it reported failed. The socket is null from here on, so no send appends.
        }

        var handler = _options.OnUnacknowledged;
        if (handler is not null && unacknowledged.Count > 0)
        {
            Interlocked.Add(ref _redelivered, unacknowledged.HandOff(_peer, handler));
        }
    }

    /// <summary>
    /// Writes every frame kept from the failed connection on a new one, in order, before any new send can use it (the
    /// socket is not published yet). False when the write fails: the socket is then useless.
    /// </summary>
    private bool Resend(Socket socket, UnacknowledgedFrames unacknowledged)
    {
        lock (Gate)
        {
            unacknowledged.Restart();
            var pending = unacknowledged.Pending;
            if (pending.IsEmpty)
            {
                return true;
            }

            unacknowledged.MarkWritten();
            while (!pending.IsEmpty)
            {
                Interlocked.Increment(ref _writes);
                var count = socket.Send(pending, SocketFlags.None, out var error);
                if (error != SocketError.Success || count <= 0)
                {
                    return false;
                }

                pending = pending.Slice(count);
            }

            Interlocked.Add(ref _redelivered, unacknowledged.Count);
            return true;
        }
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        var backoff = _options.Backoff;
        var wait = TimeSpan.Zero; // the first connect is at once
        var watch = new byte[64];
        while (!token.IsCancellationRequested)
        {
            if (wait > TimeSpan.Zero)
            {
                Interlocked.Exchange(ref _lastBackoffTicks, wait.Ticks);
                await Task.Delay(wait, _options.TimeProvider, token).ConfigureAwait(false);
            }

            Interlocked.Increment(ref _attempts);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
            {
                NoDelay = true,
                SendTimeout = (int)Math.Min(int.MaxValue, _options.SendTimeout.TotalMilliseconds),
            };
            try
            {
                await socket.ConnectAsync(_options.Host, _options.Port, token).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                socket.Dispose();
                wait = wait == TimeSpan.Zero ? backoff.Initial : backoff.Next(wait);
                continue;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw;
            }

            if (_unacknowledged is not null && !Resend(socket, _unacknowledged))
            {
                socket.Dispose(); // connected, then failed at once: the kept frames wait for the next connection
                wait = backoff.Initial;
                continue;
            }

            Volatile.Write(ref _socket, socket);
            if (token.IsCancellationRequested)
            {
                Drop(socket, graceful: true); // disposed while connecting
                return;
            }

            await WatchAsync(socket, watch, token).ConfigureAwait(false);
            Drop(socket, graceful: token.IsCancellationRequested); // woken by dispose: close as dispose does, writing what passes queued
            if (_unacknowledged is not null && !token.IsCancellationRequested)
            {
                HandOffUnacknowledged(_unacknowledged); // disposing hands them off itself, after the loop ends
            }

            wait = backoff.Initial; // a connection that was up failed: start the backoff again
        }
    }

    /// <summary>
    /// Reads what the receiver sends: acknowledgements when they are required (anything else is discarded). Returns
    /// when the far end closes or resets the connection, when a send or dispose dropped it, or on an acknowledgement
    /// that is a protocol error (it covers frames never written, or goes back).
    /// </summary>
    private async Task WatchAsync(Socket socket, byte[] scratch, CancellationToken token)
    {
        var unacknowledged = _unacknowledged;
        var reader = default(AcknowledgementReader);
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(scratch, SocketFlags.None, token).ConfigureAwait(false)) > 0)
            {
                if (unacknowledged is not null
                    && reader.Read(scratch.AsSpan(0, read), out var handled) > 0
                    && !unacknowledged.Acknowledge(handled))
                {
                    return; // not what this peer sent: the connection cannot be trusted, so it is dropped
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
