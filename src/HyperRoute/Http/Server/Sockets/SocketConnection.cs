using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server.Sockets;

/// <summary>
/// The portable transport: one async loop per connection over <see cref="Socket"/> (receive, run, send),
/// used where the epoll event loop is not available. Its <see cref="SocketTransport{TEndpoint}"/>'s heartbeat
/// enforces its timeouts.
/// </summary>
internal sealed class SocketConnection<TEndpoint> : IThreadPoolWorkItem, IBlockingSender, IServerConnection
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly Socket _socket;
    private readonly SocketTransport<TEndpoint> _transport;
    private readonly HttpServer<TEndpoint> _server;
    private readonly Http1Connection<TEndpoint> _protocol;
    private long _deadline = long.MaxValue;
    private volatile bool _timedOut;

    public SocketConnection(Socket socket, SocketTransport<TEndpoint> transport, HttpServer<TEndpoint> server, TEndpoint endpoint)
    {
        _socket = socket;
        _transport = transport;
        _server = server;
        _protocol = new Http1Connection<TEndpoint>(server, endpoint, this);
    }

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    public void CheckTimeout(long now)
    {
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

    public void Abort()
    {
        _protocol.BeginClose();
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
                if (!await SendAsync().ConfigureAwait(false) || next == Http1Connection<TEndpoint>.Next.Close)
                {
                    break;
                }

                if (next == Http1Connection<TEndpoint>.Next.SendThenRun)
                {
                    continue;
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
            _protocol.Release();
            _transport.Remove(this);
        }
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
