using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Server;

namespace HyperRoute.Http.InMemory;

/// <summary>
/// One connection with no socket: the bytes of a client are fed to the same <see cref="Http1Connection{TEndpoint}"/>
/// the server's transports drive (parser, limits, dispatch, steps, problem answers, parking of asynchronous handlers),
/// and whatever it would send is collected. The loop mirrors the socket transport's: run, take the output, and while
/// a handler is pending await a wake. The client's bytes end after <c>input</c>, as if it half-closed: when the
/// engine wants more and there is none, the connection ends.
/// </summary>
internal sealed class InMemoryConnection<TEndpoint> : IBlockingSender, IConnectionWaker
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly HttpServer<TEndpoint> _server;
    private readonly Http1Connection<TEndpoint> _protocol;
    private readonly ReusableSignal _woken = new();
    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly object _outputLock = new();
    private volatile bool _clientGone;
    private volatile bool _ended;

    public InMemoryConnection(HttpServer<TEndpoint> server, TEndpoint endpoint)
    {
        _server = server;
        _protocol = new Http1Connection<TEndpoint>(server, endpoint, this, this);
    }

    /// <summary>
    /// Feeds <paramref name="input"/>, runs every request in it, and returns the bytes the server would have sent,
    /// up to the connection's close or the end of the input. <paramref name="cancellationToken"/> acts as the client
    /// leaving: a pending handler's token is cancelled and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public async Task<byte[]> RunAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        _server.ConnectionAccepted();
        using var leaving = cancellationToken.Register(static state => ((InMemoryConnection<TEndpoint>)state!).Leave(), this);
        Timer? timeLimit = null;
        try
        {
            while (true)
            {
                var next = _protocol.Run();
                TakeOutput();
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
                    // A limit longer than the engine's own timer is kept by the transport (the server's heartbeat).
                    var deadline = _protocol.WaitDeadline;
                    if (deadline != long.MaxValue)
                    {
                        timeLimit ??= new Timer(static state => ((Http1Connection<TEndpoint>)state!).TimeLimitReached(), _protocol, Timeout.Infinite, Timeout.Infinite);
                        timeLimit.Change(Math.Max(0, deadline - Environment.TickCount64), Timeout.Infinite);
                    }

                    await _woken.WaitAsync().ConfigureAwait(false);
                    timeLimit?.Change(Timeout.Infinite, Timeout.Infinite);
                    if (_clientGone && _protocol.IsWaiting)
                    {
                        _protocol.ClientGone(); // cancels the handler's token, as a disconnect does
                        break;
                    }

                    continue;
                }

                if (input.IsEmpty || _clientGone)
                {
                    break; // the client has nothing more to send
                }

                var space = _protocol.ReceiveSpace;
                var count = Math.Min(space.Length, input.Length);
                input.Span.Slice(0, count).CopyTo(space.Span);
                input = input.Slice(count);
                _protocol.Received(count);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _server.ReportConnectionFault(exception);
            throw;
        }
        finally
        {
            timeLimit?.Dispose();
            _ended = true;
            _protocol.Release();
            _server.ConnectionClosed();
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_outputLock)
        {
            return _output.WrittenSpan.ToArray();
        }
    }

    /// <inheritdoc />
    public void Wake()
    {
        _woken.Set();
        if (_ended)
        {
            _protocol.Release(); // a handler that outlived the connection completed: its buffers go back
        }
    }

    void IBlockingSender.SendBlocking(ReadOnlySpan<byte> bytes)
    {
        if (_clientGone)
        {
            throw new ClientDisconnectedException("The in-memory client cancelled its request.");
        }

        lock (_outputLock)
        {
            _output.Write(bytes);
        }
    }

    private void TakeOutput()
    {
        var pending = _protocol.PendingOutput;
        if (pending.IsEmpty)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Write(pending.Span);
        }

        _protocol.Sent(pending.Length);
    }

    private void Leave()
    {
        _clientGone = true;
        _woken.Set();
    }
}
