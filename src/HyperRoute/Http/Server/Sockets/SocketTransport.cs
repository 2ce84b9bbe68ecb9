using System;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Server.Sockets;

/// <summary>
/// The portable transport: accept loops hand each connection to a <see cref="SocketConnection{TEndpoint}"/> (an
/// async loop on the thread pool), and a heartbeat enforces the timeouts once a second.
/// </summary>
internal sealed class SocketTransport<TEndpoint> : IServerTransport
    where TEndpoint : struct, IHttpEndpoint
{
    private readonly HttpServer<TEndpoint> _server;
    private readonly TEndpoint _endpoint;
    private readonly Socket[] _listeners;
    private readonly Task[] _acceptLoops;
    private readonly ConcurrentDictionary<IServerConnection, byte> _connections = new();
    private readonly Timer _heartbeat;

    /// <summary>Starts <paramref name="workers"/> accept loops over <paramref name="listeners"/>, taken in turn.</summary>
    public SocketTransport(HttpServer<TEndpoint> server, TEndpoint endpoint, Socket[] listeners, int workers)
    {
        _server = server;
        _endpoint = endpoint;
        _listeners = listeners;
        _heartbeat = new Timer(static state => ((SocketTransport<TEndpoint>)state!).Tick(), this, 1000, 1000);
        _acceptLoops = new Task[workers];
        for (var i = 0; i < _acceptLoops.Length; i++)
        {
            _acceptLoops[i] = AcceptLoop(listeners[i % listeners.Length]);
        }
    }

    /// <inheritdoc />
    public string Name => "sockets";

    /// <inheritdoc />
    public async Task StopAsync(TimeSpan deadline)
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        var until = Environment.TickCount64 + (long)deadline.TotalMilliseconds;
        while (!_connections.IsEmpty && Environment.TickCount64 < until)
        {
            foreach (var connection in _connections.Keys)
            {
                connection.BeginClose(); // again each round: a connection busy a moment ago may be idle now
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }

        var abortUntil = Environment.TickCount64 + 5000;
        while (!_connections.IsEmpty && Environment.TickCount64 < abortUntil)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        await _heartbeat.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The connection's loop ended and its socket is closed.</summary>
    internal void Remove(IServerConnection connection)
    {
        _connections.TryRemove(connection, out _);
        _server.ConnectionClosed();
    }

    private async Task AcceptLoop(Socket listener)
    {
        await Task.Yield();
        while (!_server.IsStopping)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (_server.IsStopping)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // the client went away before the accept completed
            }

            socket.NoDelay = true;
            var connection = new SocketConnection<TEndpoint>(socket, this, _server, _endpoint);
            _connections.TryAdd(connection, 0);
            _server.ConnectionAccepted();
            if (_server.IsStopping)
            {
                connection.BeginClose();
            }

            ThreadPool.UnsafeQueueUserWorkItem(connection, preferLocal: false);
        }
    }

    private void Tick()
    {
        var now = Environment.TickCount64;
        foreach (var connection in _connections.Keys)
        {
            connection.CheckTimeout(now);
        }
    }
}
