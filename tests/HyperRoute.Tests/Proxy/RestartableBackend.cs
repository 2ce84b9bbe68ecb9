using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// A keep-alive backend on a fixed loopback port that answers every GET with <c>{name}:{path}</c> and can go down
/// (<see cref="Stop"/>: its listener closed, every connection reset, as a crashed process's) and come back on the same
/// port (<see cref="Restart"/>).
/// </summary>
public sealed class RestartableBackend : IDisposable
{
    private readonly string _name;
    private readonly ConcurrentDictionary<Socket, bool> _open = new();
    private readonly object _gate = new();
    private Socket? _listener;
    private int _served;

    public RestartableBackend(string name)
    {
        _name = name;
        _listener = Listen(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _ = AcceptLoop(_listener);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Requests answered so far.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Stops listening and resets every open connection (RST): requests on them get no answer.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
            foreach (var socket in _open.Keys)
            {
                Reset(socket);
            }
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _listener = Listen(EndPoint);
            _ = AcceptLoop(_listener);
        }
    }

    public void Dispose() => Stop();

    private static Socket Listen(IPEndPoint endPoint)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endPoint);
        listener.Listen(128);
        return listener;
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }

    private async Task AcceptLoop(Socket listener)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // stopped
            }

            lock (_gate)
            {
                if (_listener != listener)
                {
                    Reset(socket); // accepted as the backend went down
                    continue;
                }

                _open[socket] = true;
            }

            _ = Serve(socket);
        }
    }

    private async Task Serve(Socket socket)
    {
        var buffer = new byte[8192];
        var length = 0;
        try
        {
            while (true)
            {
                var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
                if (end < 0)
                {
                    var received = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None);
                    if (received == 0)
                    {
                        return;
                    }

                    length += received;
                    continue;
                }

                var line = Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, end).IndexOf("\r\n"u8));
                var body = $"{_name}:{line.Split(' ')[1]}";
                buffer.AsSpan(end + 4, length - end - 4).CopyTo(buffer); // GETs only: nothing follows the head
                length -= end + 4;
                await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}"), SocketFlags.None);
                Interlocked.Increment(ref _served);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _open.TryRemove(socket, out _);
            socket.Dispose();
        }
    }
}
