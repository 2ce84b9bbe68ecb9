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
/// reset), and a new sink can listen on the same port. With <c>acknowledge</c> it acknowledges what it kept as a
/// <see cref="HyperRoute.Messaging.Sources.FramedTcpSource{THandler}"/> does (8 bytes, big-endian, cumulative per
/// connection, whenever it has read everything that had arrived), and the acknowledgements can be held back and
/// resumed, or a forged one written.
/// </summary>
internal sealed class FrameSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _prefix;
    private readonly Endian _endian;
    private readonly List<(int Connection, byte[] Frame)> _frames = [];
    private readonly List<Socket> _sockets = [];
    private readonly List<Acknowledger> _acknowledgers = [];
    private readonly bool _acknowledge;
    private volatile bool _acknowledgementsPaused;
    private readonly List<Task> _readers = [];
    private readonly Task _accepting;
    private int _connections;
    private int _stopped;

    public FrameSink(int prefix = 4, Endian endian = Endian.Big, int port = 0, bool acknowledge = false)
    {
        _acknowledge = acknowledge;
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

    /// <summary>Holds acknowledgements back (frames are still read and kept), as a receiver that stalls before it dies.</summary>
    public void PauseAcknowledgements() => _acknowledgementsPaused = true;

    /// <summary>Acknowledges again, at once, everything kept so far on every connection.</summary>
    public void ResumeAcknowledgements()
    {
        _acknowledgementsPaused = false;
        foreach (var acknowledger in AcknowledgersNow())
        {
            acknowledger.Send(null);
        }
    }

    /// <summary>Writes <paramref name="value"/> as an acknowledgement on every connection, whatever was received.</summary>
    public void ForgeAcknowledgement(ulong value)
    {
        foreach (var acknowledger in AcknowledgersNow())
        {
            acknowledger.Send(value);
        }
    }

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
                try
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
                catch (SocketException)
                {
                    // The peer already reset this connection: there is nothing left to close gracefully.
                }
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
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped (InvalidOperationException: stopped before this accept began)
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

    private Acknowledger[] AcknowledgersNow()
    {
        lock (_acknowledgers)
        {
            return [.. _acknowledgers];
        }
    }

    private async Task ReadAsync(Socket socket, int connection)
    {
        var prefix = new byte[_prefix];
        Acknowledger? acknowledger = null;
        if (_acknowledge)
        {
            acknowledger = new Acknowledger(socket, this);
            lock (_acknowledgers)
            {
                _acknowledgers.Add(acknowledger);
            }
        }

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

                if (acknowledger is not null)
                {
                    var handled = Interlocked.Increment(ref acknowledger.Handled);
                    if (socket.Available == 0 || handled % 64 == 0)
                    {
                        acknowledger.Send(null); // everything that had arrived is read (the end of a "pass"), or 64 more frames
                    }
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

    /// <summary>One connection's acknowledgements: the count of frames kept, written under a lock so two never interleave.</summary>
    private sealed class Acknowledger(Socket socket, FrameSink sink)
    {
        public long Handled;

        public void Send(ulong? forged)
        {
            if (forged is null && sink._acknowledgementsPaused)
            {
                return;
            }

            var wire = new byte[8];
            lock (this)
            {
                BinaryPrimitives.WriteUInt64BigEndian(wire, forged ?? (ulong)Interlocked.Read(ref Handled));
                try
                {
                    socket.Send(wire);
                }
                catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
                {
                    // the connection is gone: nothing to acknowledge to
                }
            }
        }
    }
}
