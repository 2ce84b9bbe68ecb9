using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messages;
using HyperRoute.Tests.Messaging.Sources;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Messaging;

/// <summary>
/// Mutated frames and prefixes (fixed seeds, so a failure reproduces) on live TCP and UDP sources: no unhandled
/// exception and no hang (every wait is a condition with a bound), the counters account for every frame the client
/// sent — delivered (with the exact bytes), rejected, failed in the handler, or dropped as a partial tail — and the
/// source still routes valid messages afterwards.
/// </summary>
public sealed class SourceFuzzTests(ITestOutputHelper output)
{
    private const int TcpConnections = 4_000;
    private const int UdpDatagrams = 20_000;
    private const int UdpWindow = 100;
    private const int UdpMaxDatagram = 512;

    /// <summary>A frame with exactly these bytes makes the handler throw.</summary>
    private static readonly byte[] Poison = "\u00ffPOISON\u00ff"u8.ToArray();

    public static TheoryData<string> TcpFormats => new("4-byte big-endian, 64 KiB, empty frames allowed", "2-byte little-endian, 256 B, empty frames refused");

    private static FrameFormat FormatNamed(string name) => name.StartsWith("4-byte", StringComparison.Ordinal)
        ? default
        : new FrameFormat { PrefixSize = 2, Endian = Endian.Little, MaxFrameSize = 256, AllowEmptyFrames = false };

    [Theory]
    [MemberData(nameof(TcpFormats))]
    public async Task Tcp_source_accounts_for_every_mutated_frame_and_still_routes(string formatName)
    {
        var format = FormatNamed(formatName);
        var random = new Random(formatName.Length * 7919 + 20261122);
        var log = new FuzzLog(TcpConnections + 2);
        var router = new CountingRouter();
        var messages = new MessageCounters();
        var errors = new ConcurrentQueue<Exception>();
        await using var source = FramedTcpSource.Start(
            new FuzzHandler(log, new CountingRouter.FrameHandler(router, messages)),
            new FramedTcpSourceOptions { Format = format, OnHandlerError = errors.Enqueue });
        var expected = new Expectation[TcpConnections];
        long framesSent = 0, mutations = 0;
        var clock = Stopwatch.StartNew();

        for (var c = 0; c < TcpConnections; c++)
        {
            var frames = new List<byte[]>();
            for (var f = random.Next(1, 20); f > 0; f--)
            {
                frames.Add(Payload(random, format.MaxFrameSize));
            }

            framesSent += frames.Count;
            var wire = Wire(format, frames);
            mutations += Mutate(random, wire);
            expected[c] = Expect(wire.ToArray(), format);
            SendInPiecesAndWaitForClose(source.EndPoint, wire.ToArray(), random, c);
        }

        await Frames.WaitUntil(() => source.ConnectionsOpen == 0, 10);
        var delivered = Sum(expected, e => e.Delivered);
        var rejected = Sum(expected, e => e.Rejected ? 1 : 0);
        var failed = Sum(expected, e => e.HandlerFailed ? 1 : 0);
        var partial = Sum(expected, e => e.PartialTail ? 1 : 0);
        output.WriteLine($"{formatName}, seed {formatName.Length * 7919 + 20261122}: {TcpConnections} connections, {framesSent} frames sent, {mutations} mutations of prefixes and payloads, in {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"delivered {delivered} (of which {failed} failed in the handler), rejected {rejected}, partial tails dropped {partial}, clean ends {TcpConnections - rejected - failed - partial}; messages: {messages}");

        for (var c = 0; c < TcpConnections; c++)
        {
            var id = c + 1; // connections were opened one after another: accept order is connect order
            var completed = expected[c].Delivered - (expected[c].HandlerFailed ? 1 : 0);
            Assert.True(completed == log.Count(id) && expected[c].Hash == log.Hash(id), $"Connection {id}: expected {completed} frames handled (hash {expected[c].Hash:x}), the handler saw {log.Count(id)} (hash {log.Hash(id):x}).");
        }

        Assert.Equal(delivered, source.FramesReceived);
        Assert.Equal(Sum(expected, e => e.Bytes), source.BytesReceived);
        Assert.Equal(rejected, source.FramesRejected);
        Assert.Equal(failed, source.HandlerErrors);
        Assert.Equal(failed, errors.Count);
        Assert.Equal(rejected + failed, source.ConnectionsDropped);
        Assert.Equal(TcpConnections, source.ConnectionsAccepted);
        Assert.Equal(0, source.ConnectionFaults);
        Assert.Equal(delivered - failed, messages.Total); // every frame the handler finished got an outcome
        Assert.True(rejected > 100 && failed > 10 && partial > 100 && delivered > 20_000, "The fuzz did not reach every outcome often enough.");

        // Still routes: 100 valid temperature readings on a fresh connection.
        var temperaturesBefore = router.Temperatures;
        var routedBefore = messages.Routed;
        using (var client = new FrameClient(source.EndPoint))
        {
            var readings = new List<byte[]>();
            for (var i = 0; i < 100; i++)
            {
                readings.Add(Reading(kind: 1, device: (uint)i));
            }

            client.Send(Wire(format, readings).ToArray());
            await Frames.WaitUntil(() => messages.Routed == routedBefore + 100);
        }

        Assert.Equal(temperaturesBefore + 100, router.Temperatures);
    }

    [Fact]
    public async Task Udp_source_accounts_for_every_mutated_datagram_and_still_routes()
    {
        const int Seed = 4242;
        var random = new Random(Seed);
        var log = new FuzzLog(1);
        var router = new CountingRouter();
        var messages = new MessageCounters();
        var errors = new ConcurrentQueue<Exception>();
        await using var source = UdpSource.Start(
            new FuzzHandler(log, new CountingRouter.FrameHandler(router, messages)),
            new UdpSourceOptions { MaxDatagramSize = UdpMaxDatagram, OnHandlerError = errors.Enqueue });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Connect(source.EndPoint);
        long delivered = 0, bytes = 0, oversize = 0, poisoned = 0, mutations = 0;
        ulong hash = 0;
        var clock = Stopwatch.StartNew();

        for (var sent = 0; sent < UdpDatagrams;)
        {
            // A window at a time, then wait until the source has seen all of it: the socket buffer never overflows,
            // so nothing is lost and every datagram must be accounted for.
            for (var w = 0; w < UdpWindow; w++, sent++)
            {
                var datagram = new List<byte>(Payload(random, UdpMaxDatagram + 200));
                mutations += Mutate(random, datagram);
                var bytesOut = datagram.ToArray();
                client.Send(bytesOut);
                if (bytesOut.Length > UdpMaxDatagram)
                {
                    oversize++;
                    continue;
                }

                delivered++;
                bytes += bytesOut.Length;
                if (bytesOut.AsSpan().SequenceEqual(Poison))
                {
                    poisoned++;
                }
                else
                {
                    hash += FuzzLog.HashOf(bytesOut);
                }
            }

            var seen = delivered + oversize;
            await Frames.WaitUntil(() => source.FramesReceived + source.DatagramsRejected == seen, 10);
        }

        output.WriteLine($"seed {Seed}: {UdpDatagrams} datagrams, {mutations} mutations, in {clock.Elapsed.TotalSeconds:0.0} s: delivered {delivered} (of which {poisoned} failed in the handler), rejected as oversize {oversize}; messages: {messages}");
        Assert.Equal(delivered, source.FramesReceived);
        Assert.Equal(bytes, source.BytesReceived);
        Assert.Equal(oversize, source.DatagramsRejected);
        Assert.Equal(poisoned, source.HandlerErrors);
        Assert.Equal(poisoned, errors.Count);
        Assert.Equal(0, source.ReceiveErrors);
        Assert.Equal(delivered - poisoned, log.Count(0));
        Assert.Equal(hash, log.Hash(0));
        Assert.Equal(delivered - poisoned, messages.Total);
        Assert.True(oversize > 200 && poisoned > 100 && messages.Routed > 1000, "The fuzz did not reach every outcome often enough.");

        var routedBefore = messages.Routed;
        for (var i = 0; i < 50; i++)
        {
            client.Send(Reading(kind: 1, device: (uint)i));
        }

        await Frames.WaitUntil(() => messages.Routed == routedBefore + 50);
    }

    // A frame's payload: a valid reading, the poison, or random bytes of a random length (some over the maximum).
    private static byte[] Payload(Random random, int maxFrameSize)
    {
        switch (random.Next(10))
        {
            case < 4:
                return Reading((ushort)random.Next(0, 5), (uint)random.Next());
            case 4 when random.Next(4) == 0:
                return Poison;
            default:
                var length = random.Next(8) == 0 ? random.Next(0, maxFrameSize + 64) : random.Next(0, 48);
                var bytes = new byte[Math.Min(length, 70_000)];
                random.NextBytes(bytes);
                return bytes;
        }
    }

    private static byte[] Reading(ushort kind, uint device)
    {
        var bytes = new byte[Telemetry.FixedSize];
        Assert.True(new Telemetry { Kind = kind, DeviceId = device, Value = device / 3.0, Timestamp = device }.TryWrite(bytes, out _));
        return bytes;
    }

    // Frames with their prefixes, the length written whatever it is (so a frame over the maximum is on the wire as such).
    private static List<byte> Wire(FrameFormat format, List<byte[]> frames)
    {
        var wire = new List<byte>();
        Span<byte> prefix = stackalloc byte[4];
        foreach (var frame in frames)
        {
            if (format.PrefixSize == 2)
            {
                var length = (ushort)Math.Min(frame.Length, ushort.MaxValue);
                if (format.Endian == Endian.Little) BinaryPrimitives.WriteUInt16LittleEndian(prefix, length);
                else BinaryPrimitives.WriteUInt16BigEndian(prefix, length);
            }
            else if (format.Endian == Endian.Little)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(prefix, (uint)frame.Length);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)frame.Length);
            }

            wire.AddRange(prefix.Slice(0, format.PrefixSize).ToArray());
            wire.AddRange(format.PrefixSize == 2 ? frame.AsSpan(0, Math.Min(frame.Length, ushort.MaxValue)).ToArray() : frame);
        }

        return wire;
    }

    // 0–3 mutations: a flipped byte (prefix or payload), inserted random bytes, a removed run, a cut end.
    private static int Mutate(Random random, List<byte> bytes)
    {
        var mutations = random.Next(10) < 4 ? 0 : random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)random.Next(1, 256);
                    break;
                case 1:
                    var inserted = new byte[random.Next(1, 6)];
                    random.NextBytes(inserted);
                    bytes.InsertRange(at, inserted);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return mutations;
    }

    // What the source must do with these bytes, worked out with the framing's pure function.
    private static Expectation Expect(byte[] wire, FrameFormat format)
    {
        var expectation = new Expectation();
        var reader = new FrameReader(wire, format);
        while (reader.TryReadNext(out var frame))
        {
            expectation.Delivered++;
            expectation.Bytes += frame.Length;
            if (frame.SequenceEqual(Poison))
            {
                expectation.HandlerFailed = true; // the connection closes here; nothing after it is read
                return expectation;
            }

            expectation.Hash += FuzzLog.HashOf(frame);
        }

        expectation.Rejected = reader.Status != FrameStatus.NeedMore;
        expectation.PartialTail = !expectation.Rejected && reader.Consumed < wire.Length;
        return expectation;
    }

    private static void SendInPiecesAndWaitForClose(IPEndPoint endPoint, byte[] wire, Random random, int connection)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10_000, SendTimeout = 10_000 };
        socket.Connect(endPoint);
        try
        {
            for (var at = 0; at < wire.Length;)
            {
                var piece = Math.Min(wire.Length - at, random.Next(4) == 0 ? random.Next(1, 4) : random.Next(1, 600));
                at += socket.Send(wire, at, piece, SocketFlags.None);
            }

            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The source closed the connection first (a rejected prefix, a failed handler): it need not read the rest.
        }

        // The source closes once it has read the end (or rejected the stream); a receive timeout here is a hang.
        try
        {
            var buffer = new byte[64];
            while (socket.Receive(buffer) > 0)
            {
            }
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            Assert.Fail($"Connection {connection + 1}: the source neither closed nor finished within 10 s.");
        }
    }

    private static long Sum(Expectation[] expected, Func<Expectation, long> selector)
    {
        long sum = 0;
        foreach (var e in expected)
        {
            sum += selector(e);
        }

        return sum;
    }

    private sealed class Expectation
    {
        public long Delivered;
        public long Bytes;
        public ulong Hash;
        public bool Rejected;
        public bool HandlerFailed;
        public bool PartialTail;
    }

    /// <summary>Per connection id: how many frames the handler completed and the sum of their hashes (order-independent).</summary>
    private sealed class FuzzLog(int connections)
    {
        private readonly long[] _counts = new long[connections];
        private readonly ulong[] _hashes = new ulong[connections];

        public long Count(long id) => Volatile.Read(ref _counts[id]);

        public ulong Hash(long id) => Volatile.Read(ref _hashes[id]);

        public void Add(long id, ReadOnlySpan<byte> frame)
        {
            // One connection's frames come one at a time, so one writer per slot (UDP: the one receive loop).
            _hashes[id] += HashOf(frame);
            Volatile.Write(ref _counts[id], _counts[id] + 1);
        }

        public static ulong HashOf(ReadOnlySpan<byte> frame)
        {
            var hash = 14695981039346656037UL ^ (ulong)frame.Length;
            foreach (var b in frame)
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            return hash;
        }
    }

    /// <summary>Logs each frame, throws on the poison, and hands the rest to a generated router's frame handler.</summary>
    private readonly struct FuzzHandler(FuzzLog log, CountingRouter.FrameHandler router) : IFrameHandler
    {
        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context)
        {
            if (frame.SequenceEqual(Poison))
            {
                throw new InvalidOperationException("poison frame");
            }

            log.Add(context.ConnectionId, frame);
            router.OnFrame(frame, in context);
        }
    }
}
