using System;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// A backend connection on a .NET <see cref="Socket"/>: for requests forwarded off the epoll workers (the sockets
/// transport, or a handler that continues on the thread pool). Completions come on the thread pool.
/// </summary>
internal sealed class SocketBackendConnection(ConnectionPool pool, Socket socket, int bufferSize) : BackendConnection(pool, bufferSize)
{
    private CancellationTokenSource _deadline = new();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, int timeoutMilliseconds)
    {
        _deadline.CancelAfter(timeoutMilliseconds);
        try
        {
            while (!bytes.IsEmpty)
            {
                var sent = await socket.SendAsync(bytes, SocketFlags.None, _deadline.Token).ConfigureAwait(false);
                bytes = bytes.Slice(sent);
            }
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested)
        {
            throw new TimeoutException("The backend did not take the request in time.");
        }
        finally
        {
            ResetDeadline();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected override async ValueTask<int> ReceiveAsync(int timeoutMilliseconds)
    {
        _deadline.CancelAfter(timeoutMilliseconds);
        try
        {
            var received = await socket.ReceiveAsync(Buffer.AsMemory(End), SocketFlags.None, _deadline.Token).ConfigureAwait(false);
            End += received;
            return received;
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested)
        {
            throw new TimeoutException("The backend did not answer in time.");
        }
        finally
        {
            ResetDeadline();
        }
    }

    // One poll: a closed connection or unasked bytes make the socket readable.
    protected override bool TryLeaveIdle()
    {
        try
        {
            return !socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    private void ResetDeadline()
    {
        if (!_deadline.TryReset())
        {
            _deadline.Dispose();
            _deadline = new CancellationTokenSource(); // it fired: the connection is discarded, but keep it usable
        }
    }

    protected override void Close()
    {
        socket.Dispose();
        _deadline.Dispose();
    }
}
