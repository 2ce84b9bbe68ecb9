using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>
/// <see cref="FramedTcpSourceOptions.SendAcknowledgements"/>: after each receive pass the connection writes back, in 8 big-endian
/// bytes, how many of its frames have been handled so far.
/// </summary>
public sealed class FramedTcpSourceAcknowledgementTests
{
    [Fact(Timeout = 20_000)]
    public async Task Each_pass_is_acknowledged_with_the_cumulative_count_of_handled_frames()
    {
        var log = new FrameLog();
        await using var source = FramedTcpSource.Start(new RecordingHandler(log), new FramedTcpSourceOptions { SendAcknowledgements = true });
        using var client = new FrameClient(source.EndPoint);

        client.Send(Frames.Encode("a", "b", "c")); // one write, read in one pass (or more: the count is cumulative either way)
        Assert.Equal(3UL, await ReadAcknowledgementsUntilAsync(client, 3));
        client.Send(Frames.Encode("d", "e"));
        Assert.Equal(5UL, await ReadAcknowledgementsUntilAsync(client, 5));

        Assert.Equal(["a", "b", "c", "d", "e"], log.Texts);
        FramedTcpSourceTests.AssertNoErrors(source);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_frame_whose_handler_throws_is_not_acknowledged_and_those_before_it_are()
    {
        var log = new FrameLog { ThrowOn = "c" };
        await using var source = FramedTcpSource.Start(new RecordingHandler(log), new FramedTcpSourceOptions { SendAcknowledgements = true });
        using var client = new FrameClient(source.EndPoint);

        client.Send(Frames.Encode("a", "b", "c", "d"));

        Assert.Equal(2UL, await ReadAcknowledgementsUntilAsync(client, 2));
        Assert.True(client.IsClosedByServer());
        Assert.Equal(1, source.HandlerErrors);
    }

    [Fact(Timeout = 20_000)]
    public async Task Writing_an_acknowledgement_allocates_nothing()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var reader = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await reader.ConnectAsync(listener.LocalEndPoint!);
        using var writer = await listener.AcceptAsync();
        var received = DrainAsync(reader); // 80 KB fit the kernel's buffers anyway; read so nothing could block
        for (var i = 0; i < 100; i++)
        {
            Assert.True(Acknowledgement.TrySend(writer, (ulong)i)); // warm up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Acknowledgement.TrySend(writer, (ulong)i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        writer.Shutdown(SocketShutdown.Send);
        Assert.Equal(10_100 * Acknowledgement.Size, await received.WaitAsync(TimeSpan.FromSeconds(10)));

        static async Task<long> DrainAsync(Socket socket)
        {
            var buffer = new byte[4096];
            long total = 0;
            int count;
            while ((count = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Reads acknowledgements until one says <paramref name="count"/> (or more); returns the last.</summary>
    private static Task<ulong> ReadAcknowledgementsUntilAsync(FrameClient client, ulong count) => Task.Run(() =>
    {
        var wire = new byte[Acknowledgement.Size];
        ulong latest;
        do
        {
            Assert.True(client.TryReceiveExactly(wire), "the source closed before acknowledging");
            latest = BinaryPrimitives.ReadUInt64BigEndian(wire);
        }
        while (latest < count);

        return latest;
    });
}
