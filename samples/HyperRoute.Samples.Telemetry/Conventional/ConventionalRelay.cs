using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Samples.Telemetry.Conventional;

/// <summary>
/// The same relay written the conventional way, without HyperRoute, as the peer of the end-to-end benchmark
/// (<c>--router conventional</c>): a <see cref="TcpListener"/>, one <see cref="PipeReader"/> per device connection,
/// a hand-written <see cref="BinaryPrimitives"/> parser, a <see cref="Dictionary{TKey, TValue}"/> of delegates by
/// sensor kind behind the alarm test, and one socket per sink written under a lock. It applies the same rules and
/// counts the same outcomes, so the report balances for both; it is not the sample's subject, and it is not a
/// strawman: no per-message allocation, reads batched by the pipe, writes as direct as <c>TcpPeer</c>'s.
/// </summary>
public sealed class ConventionalRelay : IRelay
{
    private const int PrefixSize = 2;
    private const int MaxFrame = 64;

    private readonly TcpListener _listener;
    private readonly Socket[] _sinks;
    private readonly Dictionary<SensorKind, Action<Reading>> _routes;
    private readonly List<Task> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _routed;
    private long _undelivered;
    private long _unrouted;
    private long _rejected;
    private long _malformed;
    private long _oversize;
    private long _accepted;
    private long _errors;
    private int _turn;

    private ConventionalRelay(Socket[] sinks, int port)
    {
        _sinks = sinks;
        _routes = new Dictionary<SensorKind, Action<Reading>>
        {
            [SensorKind.Temperature] = Climate,
            [SensorKind.Humidity] = Climate,
            [SensorKind.Battery] = Power,
            [SensorKind.Voltage] = Power,
        };
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start(512);
        _accepting = AcceptAsync();
    }

    /// <inheritdoc/>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <inheritdoc/>
    public RelayStats Stats => new(
        Interlocked.Read(ref _routed),
        Interlocked.Read(ref _undelivered),
        Interlocked.Read(ref _unrouted),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _malformed),
        Interlocked.Read(ref _routed) + Interlocked.Read(ref _undelivered), // a write per forward (an alarm that fails over makes two)
        Interlocked.Read(ref _oversize),
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _errors),
        0);

    /// <summary>Connects one socket to each sink and starts listening on <paramref name="port"/>.</summary>
    public static async Task<ConventionalRelay> StartAsync(SinkSet sinks, int port)
    {
        var sockets = new Socket[sinks.Count];
        for (var i = 0; i < sockets.Length; i++)
        {
            sockets[i] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await sockets[i].ConnectAsync(IPAddress.Loopback, sinks[i].Port).ConfigureAwait(false);
        }

        return new ConventionalRelay(sockets, port);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var sink in _sinks)
        {
            sink.Shutdown(SocketShutdown.Both);
            sink.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            socket.NoDelay = true;
            Interlocked.Increment(ref _accepted);
            lock (_connections)
            {
                _connections.Add(Task.Run(() => ServeAsync(socket)));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (!TakeFrames(ref buffer))
                {
                    Interlocked.Increment(ref _oversize);
                    break; // the prefix declares more than a frame may hold: close the connection
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref _errors);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private bool TakeFrames(ref ReadOnlySequence<byte> buffer)
    {
        Span<byte> frame = stackalloc byte[MaxFrame];
        Span<byte> prefix = stackalloc byte[PrefixSize];
        while (buffer.Length >= PrefixSize)
        {
            buffer.Slice(0, PrefixSize).CopyTo(prefix);
            var length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
            if (length > MaxFrame)
            {
                return false;
            }

            if (buffer.Length < PrefixSize + length)
            {
                break;
            }

            buffer.Slice(PrefixSize, length).CopyTo(frame);
            Handle(frame.Slice(0, length));
            buffer = buffer.Slice(PrefixSize + length);
        }

        return true;
    }

    private void Handle(ReadOnlySpan<byte> frame)
    {
        if (!Reading.TryParse(frame, out var reading))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        if (reading.Version != Telemetry.CurrentVersion || !float.IsFinite(reading.Value))
        {
            Interlocked.Increment(ref _rejected);
            return;
        }

        reading.ReceivedAt = Clock.UnixMicroseconds();
        if ((reading.Flags & TelemetryFlags.Alarm) != 0)
        {
            if (reading.ReceivedAt - reading.SentAt > FreshAlarm.MaxAgeMicroseconds)
            {
                Interlocked.Increment(ref _rejected);
                return;
            }

            Count(Send(0, reading) || Send(1, reading)); // the primary, else the standby
            return;
        }

        if (_routes.TryGetValue(reading.Kind, out var route))
        {
            route(reading);
        }
        else
        {
            Interlocked.Increment(ref _unrouted);
        }
    }

    private void Climate(Reading reading) => Count(Send(2 + (int)((uint)Interlocked.Increment(ref _turn) % 2), reading));

    private void Power(Reading reading) => Count(Send(4 + (int)(reading.DeviceId % 2), reading));

    private void Count(bool sent)
    {
        if (sent)
        {
            Interlocked.Increment(ref _routed);
        }
        else
        {
            Interlocked.Increment(ref _undelivered);
        }
    }

    private bool Send(int sink, in Reading reading)
    {
        Span<byte> wire = stackalloc byte[PrefixSize + Reading.Size];
        BinaryPrimitives.WriteUInt16BigEndian(wire, Reading.Size);
        reading.Write(wire.Slice(PrefixSize));
        var socket = _sinks[sink];
        lock (socket)
        {
            try
            {
                return socket.Send(wire) == wire.Length;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <summary>The reading, parsed by hand.</summary>
    private struct Reading
    {
        public const int Size = 32;

        public byte Version;
        public SensorKind Kind;
        public TelemetryFlags Flags;
        public uint DeviceId;
        public uint Sequence;
        public float Value;
        public long SentAt;
        public long ReceivedAt;

        public static bool TryParse(ReadOnlySpan<byte> frame, out Reading reading)
        {
            reading = default;
            if (frame.Length != Size || !Enum.IsDefined((SensorKind)frame[1]))
            {
                return false;
            }

            reading.Version = frame[0];
            reading.Kind = (SensorKind)frame[1];
            reading.Flags = (TelemetryFlags)BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(2));
            reading.DeviceId = BinaryPrimitives.ReadUInt32BigEndian(frame.Slice(4));
            reading.Sequence = BinaryPrimitives.ReadUInt32BigEndian(frame.Slice(8));
            reading.Value = BinaryPrimitives.ReadSingleBigEndian(frame.Slice(12));
            reading.SentAt = BinaryPrimitives.ReadInt64BigEndian(frame.Slice(16));
            reading.ReceivedAt = BinaryPrimitives.ReadInt64BigEndian(frame.Slice(24));
            return true;
        }

        public readonly void Write(Span<byte> destination)
        {
            destination[0] = Version;
            destination[1] = (byte)Kind;
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)Flags);
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), DeviceId);
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), Sequence);
            BinaryPrimitives.WriteSingleBigEndian(destination.Slice(12), Value);
            BinaryPrimitives.WriteInt64BigEndian(destination.Slice(16), SentAt);
            BinaryPrimitives.WriteInt64BigEndian(destination.Slice(24), ReceivedAt);
        }
    }
}
