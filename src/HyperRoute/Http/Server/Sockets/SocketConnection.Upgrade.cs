using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server.Sockets;

/// <summary>
/// An upgraded connection (a WebSocket) on the socket transport: unlike HTTP, bytes may have to go out while the
/// loop waits for the client (a message sent from another thread, a keep-alive ping), so the loop waits for either
/// a receive or a wake. The receive stays pending across wakes; the protocol never moves the receive buffer while
/// it is (see <c>Http1Connection.Upgrade.cs</c>).
/// </summary>
internal sealed partial class SocketConnection<TEndpoint>
{
    private async Task ServeUpgradedAsync()
    {
        Task<int>? receive = null;
        Task? wake = null;
        try
        {
            while (true)
            {
                receive ??= _socket.ReceiveAsync(_protocol.ReceiveSpace, SocketFlags.None).AsTask();
                wake ??= _woken.WaitAsync().AsTask();
                Interlocked.Exchange(ref _deadline, _protocol.Deadline(Environment.TickCount64));
                await Task.WhenAny(receive, wake).ConfigureAwait(false);
                Volatile.Write(ref _deadline, long.MaxValue);
                if (wake.IsCompleted)
                {
                    wake = null;
                }

                if (receive.IsCompleted)
                {
                    var received = await receive.ConfigureAwait(false);
                    receive = null;
                    if (received == 0)
                    {
                        return; // the client closed its side (or vanished)
                    }

                    _protocol.Received(received);
                }

                Http1Connection<TEndpoint>.Next next;
                do
                {
                    next = _protocol.Run();
                    await SendAsync().ConfigureAwait(false);
                    _protocol.OutputSent();
                }
                while (next == Http1Connection<TEndpoint>.Next.SendThenRun);

                if (next == Http1Connection<TEndpoint>.Next.Close)
                {
                    break;
                }
            }

            // Closed by the protocol: FIN, then drop what the client still sends for a moment.
            _socket.Shutdown(SocketShutdown.Send);
            using var linger = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            while (receive is not null && await receive.WaitAsync(linger.Token).ConfigureAwait(false) > 0)
            {
                receive = _socket.ReceiveAsync(_protocol.ReceiveSpace, SocketFlags.None).AsTask();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            // A receive still pending must not land in a buffer that went back to the pool: close the socket and
            // wait for it to end before the connection releases its buffers.
            _socket.Dispose();
            if (receive is not null)
            {
                try
                {
                    await receive.ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                }
            }
        }
    }

    // The transport's heartbeat: an upgraded connection's timers are the protocol's, looked at by its next Run.
    private bool CheckUpgradedTimeout(long now)
    {
        if (!_protocol.IsUpgraded)
        {
            return false;
        }

        if (now >= Volatile.Read(ref _deadline))
        {
            _woken.Set();
        }

        return true;
    }
}
