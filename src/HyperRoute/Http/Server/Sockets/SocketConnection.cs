using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server.Sockets;

/// <summary>
/// The portable transport: one async loop per connection over <see cref="Socket"/> (receive, run, send),
/// used where the epoll event loop is not available. Its <see cref="SocketTransport{TEndpoint}"/>'s heartbeat
/// enforces its timeouts. While a handler is pending the loop awaits a wake (the handler's completion, a flush,
/// its time limit) and, with a peek, the client leaving; while it reads a streamed request body, the loop receives
/// the bytes that read waits for (<see cref="Http1Connection{TEndpoint}.IsReceivingBody"/>).
/// </summary>
internal sealed partial class SocketConnection<TEndpoint> : IThreadPoolWorkItem, IBlockingSender, IServerConnection, IConnectionWaker
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly Socket _socket;
    private readonly SocketTransport<TEndpoint> _transport;
    private readonly HttpServer<TEndpoint> _server;
    private readonly Http1Connection<TEndpoint> _protocol;
    private readonly ReusableSignal _woken = new();
    private long _deadline = long.MaxValue;
    private volatile bool _timedOut;
    private volatile bool _clientGone;
    private volatile bool _ended;
    private Task? _watch;
    private byte[]? _peek;

    public SocketConnection(Socket socket, SocketTransport<TEndpoint> transport, HttpServer<TEndpoint> server, TEndpoint endpoint)
    {
        _socket = socket;
        _transport = transport;
        _server = server;
        _protocol = new Http1Connection<TEndpoint>(server, endpoint, this, this);
    }

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    public void CheckTimeout(long now)
    {
        if (CheckUpgradedTimeout(now))
        {
            return;
        }

        if (now >= Volatile.Read(ref _deadline) && _protocol.IsWaiting && !_protocol.IsReceivingBody)
        {
            Volatile.Write(ref _deadline, long.MaxValue);
            _protocol.TimeLimitReached(); // the pending handler's (long) limit: the loop answers 504
            return;
        }

        if (now >= Volatile.Read(ref _deadline) && !_timedOut)
        {
            _timedOut = true;
            Interrupt();
        }
    }

    public void BeginClose()
    {
        _protocol.BeginClose();
        if (_protocol.IsBetweenRequests && Volatile.Read(ref _deadline) != long.MaxValue)
        {
            Interrupt();
        }
    }

    /// <inheritdoc />
    public void Wake()
    {
        _woken.Set();
        if (_ended)
        {
            _protocol.Release(); // the loop is over: a handler that outlived it completed, its buffers go back
        }
    }

    public void Abort()
    {
        _protocol.BeginClose();
        if (_protocol.IsWaiting)
        {
            _protocol.RequestAbort(); // the loop answers 503 and closes
            if (_protocol.IsReceivingBody)
            {
                Interrupt(); // the loop waits for a streamed body's bytes, not for the wake: end that wait
            }

            return;
        }

        try
        {
            _socket.Close(0);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    void IBlockingSender.SendBlocking(ReadOnlySpan<byte> bytes)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                bytes = bytes.Slice(_socket.Send(bytes, SocketFlags.None));
            }
        }
        catch (SocketException exception)
        {
            throw new ClientDisconnectedException($"Sending the streamed response failed ({exception.SocketErrorCode}).", exception);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                var next = _protocol.Run();
                if (!await SendAsync().ConfigureAwait(false))
                {
                    break;
                }

                _protocol.OutputSent();
                if (next == Http1Connection<TEndpoint>.Next.Close)
                {
                    break;
                }

                if (next == Http1Connection<TEndpoint>.Next.SendThenRun)
                {
                    continue;
                }

                if (next == Http1Connection<TEndpoint>.Next.Wait)
                {
                    Interlocked.Exchange(ref _deadline, _protocol.WaitDeadline);
                    WatchForDisconnect();
                    await _woken.WaitAsync().ConfigureAwait(false);
                    Volatile.Write(ref _deadline, long.MaxValue);
                    if (_clientGone && _protocol.IsWaiting)
                    {
                        _protocol.ClientGone(); // cancels the handler's token; nothing is written to the dead socket
                        break;
                    }

                    continue;
                }

                if (_protocol.IsUpgraded)
                {
                    await ServeUpgradedAsync().ConfigureAwait(false); // the connection speaks another protocol now
                    return;
                }

                Interlocked.Exchange(ref _deadline, _protocol.Deadline(Environment.TickCount64));
                if (_protocol.IsClosing && _protocol.IsBetweenRequests)
                {
                    break;
                }

                var received = await _socket.ReceiveAsync(_protocol.ReceiveSpace, SocketFlags.None).ConfigureAwait(false);
                Volatile.Write(ref _deadline, long.MaxValue);
                if (received == 0)
                {
                    if (_timedOut)
                    {
                        _protocol.TimedOut();
                        await SendAsync().ConfigureAwait(false);
                    }

                    break; // the client closed its side, or the wait timed out
                }

                _protocol.Received(received);
            }

            await LingerAsync().ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // The client reset the connection.
        }
        catch (ObjectDisposedException)
        {
            // Aborted by shutdown.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _server.ReportConnectionFault(exception); // a server bug: contained to this connection, counted and reported
        }
        finally
        {
            _socket.Dispose();
            _ended = true;
            _protocol.Release();
            _transport.Remove(this);
        }
    }

    // While a handler is pending, a peek tells when the client leaves (end of stream) without taking any bytes.
    private void WatchForDisconnect()
    {
        if (_watch is null || _watch.IsCompleted)
        {
            _watch = WatchAsync();
        }
    }

    private async Task WatchAsync()
    {
        try
        {
            _peek ??= new byte[1];
            if (await _socket.ReceiveAsync(_peek, SocketFlags.Peek).ConfigureAwait(false) > 0)
            {
                return; // pipelined bytes: they wait in the socket until the handler completed
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
            return; // closed by the loop itself
        }

        _clientGone = true;
        _woken.Set();
    }

    private async ValueTask<bool> SendAsync()
    {
        var pending = _protocol.PendingOutput;
        while (!pending.IsEmpty)
        {
            var sent = await _socket.SendAsync(pending, SocketFlags.None).ConfigureAwait(false);
            _protocol.Sent(sent);
            pending = _protocol.PendingOutput;
        }

        return true;
    }

    // Close cleanly: send FIN after the last response, then read and drop what the client still sends for a
    // moment, so that unread input does not turn the close into a reset that destroys the response in flight.
    private async Task LingerAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            using var linger = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var drain = new byte[512];
            while (await _socket.ReceiveAsync(drain, SocketFlags.None, linger.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private void Interrupt()
    {
        try
        {
            // Wakes the pending receive with end-of-stream; the loop sees why and answers or closes.
            _socket.Shutdown(SocketShutdown.Receive);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
