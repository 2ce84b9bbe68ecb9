using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>
/// A loopback TCP listener that reads length-prefixed frames and keeps every one with the number of the connection it
/// came on. It can stop gracefully (half-close, then read until the sender closes: nothing sent is lost) or abruptly (a
/// reset), and a new sink can listen on the same port.
/// </summary>
internal sealed class FrameSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _prefix;
    private readonly Endian _endian;
    private readonly List<(int Connection, byte[] Frame)> _frames = [];
    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _readers = [];
    private readonly Task _accepting;
    private int _connections;
    private int _stopped;

    public FrameSink(int prefix = 4, Endian endian = Endian.Big, int port = 0)
    {
        _prefix = prefix;
        _endian = endian;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref _connections);

    public int FrameCount
    {
        get
        {
            lock (_frames)
            {
                return _frames.Count;
            }
        }
    }

    public (int Connection, byte[] Frame)[] Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>A peer option set pointing at this sink with the sink's framing.</summary>
    public TcpPeerOptions Options(int poolSize = 1, ReconnectBackoff? backoff = null) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Format = new FrameFormat { PrefixSize = _prefix, Endian = _endian },
        PoolSize = poolSize,
        Backoff = backoff ?? new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(50), Max = TimeSpan.FromMilliseconds(200) },
    };

    public async Task WaitForFramesAsync(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (FrameCount < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The sink has {FrameCount} frames of {count} after {within}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Stops listening and ends every connection: gracefully, by half-closing and reading on until the sender closes
    /// its side (every byte it sent is read), or abruptly, with a reset.
    /// </summary>
    public async Task StopAsync(bool graceful)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _listener.Stop();
        await _accepting;
        Socket[] sockets;
        lock (_sockets)
        {
            sockets = [.. _sockets];
        }

        foreach (var socket in sockets)
        {
            if (graceful)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
            else
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Dispose();
            }
        }

        Task[] readers;
        lock (_readers)
        {
            readers = [.. _readers];
        }

        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(5));
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(graceful: false);

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return; // stopped
            }

            var connection = Interlocked.Increment(ref _connections);
            lock (_sockets)
            {
                _sockets.Add(socket);
            }

            lock (_readers)
            {
                _readers.Add(ReadAsync(socket, connection));
            }
        }
    }

    private async Task ReadAsync(Socket socket, int connection)
    {
        var prefix = new byte[_prefix];
        try
        {
            while (await ReadExactlyAsync(socket, prefix))
            {
                var length = prefix.Length == 2
                    ? (_endian == Endian.Big ? BinaryPrimitives.ReadUInt16BigEndian(prefix) : BinaryPrimitives.ReadUInt16LittleEndian(prefix))
                    : (int)(_endian == Endian.Big ? BinaryPrimitives.ReadUInt32BigEndian(prefix) : BinaryPrimitives.ReadUInt32LittleEndian(prefix));
                var frame = new byte[length];
                if (!await ReadExactlyAsync(socket, frame))
                {
                    return; // a cut frame at the end is not a frame
                }

                lock (_frames)
                {
                    _frames.Add((connection, frame));
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (count == 0)
            {
                return false;
            }

            read += count;
        }

        return true;
    }
}
