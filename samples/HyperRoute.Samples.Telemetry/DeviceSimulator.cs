using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Samples.Telemetry;

/// <summary>What the devices sent, by what the router should make of it.</summary>
public sealed class DeviceTally
{
    public long Frames;
    public long Valid;
    public long Alarms;
    public long Truncated;
    public long Unroutable;
    public long BadVersion;
    public long NotANumber;

    internal void Add(DeviceTally other)
    {
        Interlocked.Add(ref Frames, other.Frames);
        Interlocked.Add(ref Valid, other.Valid);
        Interlocked.Add(ref Alarms, other.Alarms);
        Interlocked.Add(ref Truncated, other.Truncated);
        Interlocked.Add(ref Unroutable, other.Unroutable);
        Interlocked.Add(ref BadVersion, other.BadVersion);
        Interlocked.Add(ref NotANumber, other.NotANumber);
    }
}

/// <summary>
/// Devices over TCP: each device is one connection sending its readings in batches of up to <see cref="Batch"/> frames
/// per socket write, as fast as the router takes them or paced at a rate (a batch per millisecond, as many readings
/// as the rate allows by then, so the latency measured is the router's, not a queue's). Every 100th reading is an alarm; with faults on, four readings in
/// every thousand are bad in a known way (a truncated frame, a sensor kind the router has no route for, an unknown
/// layout version, a reading that is not a number), so the router's counters can be checked exactly.
/// </summary>
public static class DeviceSimulator
{
    /// <summary>Frames per socket write.</summary>
    public const int Batch = 64;

    private const int PrefixSize = 2;

    /// <summary>
    /// Runs <paramref name="devices"/> devices sending <paramref name="readings"/> readings each, at
    /// <paramref name="rate"/> readings per second each (0: as fast as the router takes them); returns what they sent.
    /// </summary>
    public static async Task<DeviceTally> RunAsync(IPEndPoint router, int devices, int readings, int rate, bool faults, CancellationToken cancellation)
    {
        var total = new DeviceTally();
        var tasks = new Task[devices];
        for (var device = 0; device < devices; device++)
        {
            var id = (uint)device;
            tasks[device] = Task.Run(async () => total.Add(await RunDeviceAsync(router, id, readings, rate, faults, cancellation).ConfigureAwait(false)), cancellation);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return total;
    }

    /// <summary>
    /// A misbehaving client: two good readings, then a length prefix over the router's 64-byte limit. The router
    /// routes the two and closes this connection; nobody else notices.
    /// </summary>
    public static async Task<int> RunRogueAsync(IPEndPoint router, uint deviceId, CancellationToken cancellation)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(router, cancellation).ConfigureAwait(false);
        var buffer = new byte[2 * (PrefixSize + Telemetry.FixedSize) + PrefixSize];
        var offset = 0;
        for (uint sequence = 0; sequence < 2; sequence++)
        {
            offset += WriteFrame(buffer.AsSpan(offset), Reading(deviceId, sequence, SensorKind.Temperature, TelemetryFlags.None, 20f));
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(offset), ushort.MaxValue); // declares 65,535 bytes
        await socket.SendAsync(buffer, cancellation).ConfigureAwait(false);

        // The router answers by closing: a read returns 0 (FIN) or fails with a reset.
        try
        {
            return await socket.ReceiveAsync(new byte[1], cancellation).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return 0;
        }
    }

    private static async Task<DeviceTally> RunDeviceAsync(IPEndPoint router, uint deviceId, int readings, int rate, bool faults, CancellationToken cancellation)
    {
        var tally = new DeviceTally();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(router, cancellation).ConfigureAwait(false);
        var buffer = new byte[Batch * (PrefixSize + Telemetry.FixedSize)];
        var sequence = 0u;
        var start = Stopwatch.GetTimestamp();
        while (sequence < readings)
        {
            var due = readings;
            if (rate > 0)
            {
                // As many readings as the rate allows by now; if none is due yet, wait a millisecond.
                due = (int)Math.Min(readings, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
                if (due <= sequence)
                {
                    await Task.Delay(1, cancellation).ConfigureAwait(false);
                    continue;
                }
            }

            var length = FillBatch(buffer, deviceId, ref sequence, due, faults, tally);
            await socket.SendAsync(buffer.AsMemory(0, length), cancellation).ConfigureAwait(false);
        }

        socket.Shutdown(SocketShutdown.Send); // a clean end of stream: the router reads everything before the FIN
        await socket.ReceiveAsync(new byte[1], cancellation).ConfigureAwait(false); // and closes its end after it
        return tally;
    }

    private static int FillBatch(Span<byte> buffer, uint deviceId, ref uint sequence, int until, bool faults, DeviceTally tally)
    {
        var offset = 0;
        for (var i = 0; i < Batch && sequence < until; i++, sequence++)
        {
            var kind = (SensorKind)(1 + (int)((sequence + deviceId) % 4));
            var flags = sequence % 100 == 99 ? TelemetryFlags.Alarm : TelemetryFlags.None;
            var reading = Reading(deviceId, sequence, kind, flags, 18f + (sequence % 50) / 10f);
            tally.Frames++;
            switch (faults ? sequence % 1000 : 0)
            {
                case 500:
                    var written = WriteFrame(buffer.Slice(offset), reading);
                    BinaryPrimitives.WriteUInt16BigEndian(buffer.Slice(offset), Telemetry.FixedSize - 12); // cut short
                    offset += written - 12;
                    tally.Truncated++;
                    continue;
                case 501:
                    reading.Kind = SensorKind.Vibration; // no route for it yet
                    tally.Unroutable++;
                    break;
                case 502:
                    reading.Version = 9;
                    tally.BadVersion++;
                    break;
                case 503:
                    reading.Value = float.NaN;
                    tally.NotANumber++;
                    break;
                default:
                    tally.Valid++;
                    tally.Alarms += flags == TelemetryFlags.Alarm ? 1 : 0;
                    break;
            }

            offset += WriteFrame(buffer.Slice(offset), reading);
        }

        return offset;
    }

    private static Telemetry Reading(uint deviceId, uint sequence, SensorKind kind, TelemetryFlags flags, float value) => new()
    {
        Version = Telemetry.CurrentVersion,
        Kind = kind,
        Flags = flags,
        DeviceId = deviceId,
        Sequence = sequence,
        Value = value,
        SentAt = Clock.UnixMicroseconds(),
    };

    private static int WriteFrame(Span<byte> destination, in Telemetry reading)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, Telemetry.FixedSize);
        reading.TryWrite(destination.Slice(PrefixSize), out var written);
        return PrefixSize + written;
    }
}
