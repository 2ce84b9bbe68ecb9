using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>
/// The framed TCP source over loopback: frames delivered whole and in order however the bytes arrive, malformed
/// prefixes and handler failures contained to their connection, counters, shutdown. Every wait is bounded.
/// </summary>
public sealed class FramedTcpSourceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Frames_written_one_byte_at_a_time_are_delivered_whole_and_in_order()
    {
        var log = new FrameLog();
        await using var source = FramedTcpSource.Start(new RecordingHandler(log));
        using var client = new FrameClient(source.EndPoint);
        var expected = new[] { "first", "", "third frame", new string('y', 5000) }; // the last outgrows the 4 KiB buffer

        foreach (var b in Frames.Encode(expected))
        {
            client.Send([b]);
        }

        await Frames.WaitUntil(() => log.Count == expected.Length);
        Assert.Equal(expected, log.Texts);
        Assert.Equal([0L, 1, 2, 3], log.Frames.Select(f => f.Sequence));
        Assert.Equal(expected.Sum(e => e.Length), source.BytesReceived);
        AssertNoErrors(source);
    }

    [Fact]
    public async Task Many_frames_in_one_write_are_each_delivered()
    {
        var log = new FrameLog();
        await using var source = FramedTcpSource.Start(new RecordingHandler(log));
        using var client = new FrameClient(source.EndPoint);
        var expected = Enumerable.Range(0, 500).Select(i => $"frame {i}").ToArray();

        client.Send(Frames.Encode(expected));

        await Frames.WaitUntil(() => log.Count == expected.Length);
        Assert.Equal(expected, log.Texts);
        Assert.Equal(500, source.FramesReceived);
        Assert.Equal(1, source.ConnectionsAccepted);
        AssertNoErrors(source);
    }

    [Theory]
    [MemberData(nameof(FrameReaderTests.Formats), MemberType = typeof(FrameReaderTests))]
    public async Task Each_prefix_size_and_byte_order_is_served(int prefixSize, Endian endian)
    {
        var format = new FrameFormat { PrefixSize = prefixSize, Endian = endian };
        var log = new FrameLog();
        await using var source = FramedTcpSource.Start(new RecordingHandler(log), new FramedTcpSourceOptions { Format = format });
        using var client = new FrameClient(source.EndPoint);
        var expected = new[] { "a", new string('b', 300), "c" }; // 300 = 0x012C: distinct bytes in either order

        client.Send(Frames.Encode(format, expected.Select(Frames.Text).ToArray()));

        await Frames.WaitUntil(() => log.Count == expected.Length);
        Assert.Equal(expected, log.Texts);
        AssertNoErrors(source);
    }

    [Fact]
    public async Task A_prefix_over_the_maximum_closes_that_connection_and_is_counted_and_others_are_still_served()
    {
        var log = new FrameLog();
        var options = new FramedTcpSourceOptions { Format = new FrameFormat { MaxFrameSize = 1024 } };
        await using var source = FramedTcpSource.Start(new RecordingHandler(log), options);
        using var bystander = new FrameClient(source.EndPoint);
        bystander.Send(Frames.Encode("before"));
        await Frames.WaitUntil(() => log.Count == 1);

        using (var bad = new FrameClient(source.EndPoint))
        {
            var bytes = Frames.Encode("fine").Concat(new byte[] { 0, 0, 0x04, 0x01 }).Concat(Frames.Encode("never")).ToArray(); // 1025
            bad.Send(bytes);
            Assert.True(bad.IsClosedByServer());
        }

        await Frames.WaitUntil(() => source.ConnectionsDropped == 1);
        Assert.Equal(1, source.FramesRejected);
        bystander.Send(Frames.Encode("after"));
        using var next = new FrameClient(source.EndPoint);
        next.Send(Frames.Encode("new client"));
        await Frames.WaitUntil(() => log.Count == 4);
        Assert.Equal(["before", "fine"], log.Texts.Take(2));
        Assert.Equal(["after", "new client"], log.Texts.Skip(2).Order()); // two connections: either may be first
        Assert.Equal(0, source.HandlerErrors);
        Assert.Equal(0, source.ConnectionFaults);
    }

    [Fact]
    public async Task An_empty_frame_where_the_format_forbids_them_closes_the_connection_and_is_counted()
    {
        var log = new FrameLog();
        var options = new FramedTcpSourceOptions { Format = new FrameFormat { AllowEmptyFrames = false } };
        await using var source = FramedTcpSource.Start(new RecordingHandler(log), options);
        using var client = new FrameClient(source.EndPoint);

        client.Send(Frames.Encode("ok").Concat(new byte[4]).ToArray());

        Assert.True(client.IsClosedByServer());
        await Frames.WaitUntil(() => source.ConnectionsDropped == 1);
        Assert.Equal(1, source.FramesRejected);
        Assert.Equal(["ok"], log.Texts);
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_frame_gets_no_frame_delivered_and_no_error()
    {
        var log = new FrameLog();
        await using var source = FramedTcpSource.Start(new RecordingHandler(log));
        using (var client = new FrameClient(source.EndPoint))
        {
            var bytes = Frames.Encode("complete", "cut short");
            client.Send(bytes.AsSpan(0, bytes.Length - 3));
            await Frames.WaitUntil(() => log.Count == 1);
        }

        await Frames.WaitUntil(() => source.ConnectionsOpen == 0);
        Assert.Equal(["complete"], log.Texts);
        Assert.Equal(1, source.FramesReceived);
        AssertNoErrors(source);
    }

    [Fact]
    public async Task A_thousand_frames_from_four_concurrent_clients_are_all_delivered_in_order_per_connection()
    {
        const int Clients = 4, PerClient = 250;
        var log = new FrameLog();
        await using var source = FramedTcpSource.Start(new RecordingHandler(log));

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() =>
        {
            using var client = new FrameClient(source.EndPoint);
            var random = new Random(c);
            var frames = Enumerable.Range(0, PerClient).Select(i => $"{c}:{i}").ToArray();
            var bytes = Frames.Encode(frames);
            for (var offset = 0; offset < bytes.Length;)
            {
                var size = Math.Min(random.Next(1, 64), bytes.Length - offset); // writes that split frames anywhere
                client.Send(bytes.AsSpan(offset, size));
                offset += size;
            }
        }))).WaitAsync(Bound);

        await Frames.WaitUntil(() => log.Count == Clients * PerClient);
        var byConnection = log.Frames.GroupBy(f => f.ConnectionId).ToArray();
        Assert.Equal(Clients, byConnection.Length);
        foreach (var connection in byConnection)
        {
            var texts = connection.Select(f => f.Text).ToArray();
            var client = texts[0].Split(':')[0];
            Assert.Equal(Enumerable.Range(0, PerClient).Select(i => $"{client}:{i}"), texts);
            Assert.Equal(Enumerable.Range(0, PerClient).Select(i => (long)i), connection.Select(f => f.Sequence));
        }

        Assert.Equal(Clients * PerClient, source.FramesReceived);
        Assert.Equal(Clients, source.ConnectionsAccepted);
        AssertNoErrors(source);
    }

    [Fact]
    public async Task A_handler_exception_is_counted_reported_and_closes_only_its_connection()
    {
        var log = new FrameLog { ThrowOn = "boom" };
        var reported = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var options = new FramedTcpSourceOptions { OnHandlerError = reported.Enqueue };
        await using var source = FramedTcpSource.Start(new RecordingHandler(log), options);
        using var bystander = new FrameClient(source.EndPoint);
        using var failing = new FrameClient(source.EndPoint);

        failing.Send(Frames.Encode("one", "boom", "never"));

        Assert.True(failing.IsClosedByServer());
        await Frames.WaitUntil(() => source.ConnectionsDropped == 1);
        var exception = Assert.Single(reported);
        Assert.Equal("handler failed on boom", exception.Message);
        Assert.Equal(1, source.HandlerErrors);
        Assert.Equal(0, source.FramesRejected);
        bystander.Send(Frames.Encode("still served"));
        await Frames.WaitUntil(() => log.Count == 2);
        Assert.Equal(["one", "still served"], log.Texts);
        Assert.Equal(0, source.ConnectionFaults);
    }

    [Fact]
    public async Task A_frame_of_the_maximum_size_is_delivered_and_the_connection_goes_on()
    {
        var log = new FrameLog();
        await using var source = FramedTcpSource.Start(new RecordingHandler(log));
        using var client = new FrameClient(source.EndPoint);
        var big = new string('m', FrameFormat.DefaultMaxFrameSize);

        client.Send(Frames.Encode(big, "small after"));

        await Frames.WaitUntil(() => log.Count == 2);
        Assert.Equal([big, "small after"], log.Texts);
        AssertNoErrors(source);
    }

    [Fact]
    public async Task Each_connection_has_its_own_copy_of_the_handler()
    {
        var counts = new System.Collections.Concurrent.ConcurrentBag<int>();
        await using var source = FramedTcpSource.Start(new CountingHandler(counts));
        using var a = new FrameClient(source.EndPoint);
        using var b = new FrameClient(source.EndPoint);

        a.Send(Frames.Encode("1", "2", "3"));
        b.Send(Frames.Encode("1", "2"));

        await Frames.WaitUntil(() => counts.Count == 5);
        Assert.Equal([1, 1, 2, 2, 3], counts.Order());
    }

    [Fact]
    public async Task Stop_completes_promptly_closes_connections_and_refuses_new_ones()
    {
        var log = new FrameLog();
        var source = FramedTcpSource.Start(new RecordingHandler(log));
        var clients = Enumerable.Range(0, 5).Select(_ => new FrameClient(source.EndPoint)).ToArray();
        foreach (var client in clients)
        {
            client.Send(Frames.Encode("hello"));
        }

        await Frames.WaitUntil(() => log.Count == clients.Length);
        var clock = Stopwatch.StartNew();
        await source.StopAsync().WaitAsync(Bound);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.All(clients, c => Assert.True(c.IsClosedByServer()));
        Assert.Equal(0, source.ConnectionsOpen);
        Assert.ThrowsAny<System.Net.Sockets.SocketException>(() => new FrameClient(source.EndPoint));
        await source.StopAsync().WaitAsync(Bound); // idempotent
        AssertNoErrors(source);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    internal static void AssertNoErrors<T>(FramedTcpSource<T> source)
        where T : struct, IFrameHandler
    {
        Assert.Equal(0, source.FramesRejected);
        Assert.Equal(0, source.HandlerErrors);
        Assert.Equal(0, source.ConnectionsDropped);
        Assert.Equal(0, source.ConnectionFaults);
    }

    /// <summary>Counts frames in a field of the struct: per-connection state, because each connection has a copy.</summary>
    private struct CountingHandler(System.Collections.Concurrent.ConcurrentBag<int> counts) : IFrameHandler
    {
        private int _count;

        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context) => counts.Add(++_count);
    }
}
