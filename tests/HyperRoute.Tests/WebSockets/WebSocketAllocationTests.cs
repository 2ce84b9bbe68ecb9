using System;
using System.Diagnostics;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.WebSockets;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>Echo of binary messages in steady state allocates nothing on the epoll worker, end to end.</summary>
public sealed class WebSocketAllocationTests
{
    private const int Warmup = 1_000;
    private const int Capacity = 400_000;

    // The worker's once-a-second housekeeping must fall inside the measured window too.
    private static readonly TimeSpan MeasuredAtLeast = TimeSpan.FromSeconds(2.5);

    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(1024)]
    [InlineData(4000)] // up to the receive buffer's size (4 KiB with the frame header)
    public async Task Binary_echo_allocates_nothing_per_message_on_the_epoll_worker(int size)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the epoll transport is Linux-only
        }

        var log = new AllocationLog(Capacity);
        await using var server = WebSocketServer.Start("epoll", out var probe);
        probe.OnEachMessage = log.Record;
        using var client = RawWebSocketClient.Open(server.EndPoint);
        var frame = RawWebSocketClient.Frame(2, new byte[size]);
        var clock = new Stopwatch();
        var sent = 0;
        while (sent < Capacity && (sent <= Warmup * 2 || clock.Elapsed < MeasuredAtLeast))
        {
            if (sent == Warmup)
            {
                clock.Start();
            }

            client.Send(frame);
            Assert.Equal(size, client.ReadFrame().Payload.Length);
            sent++;
        }

        Assert.Equal(sent, log.Count);
        Assert.Equal(log.ThreadIds[Warmup], log.ThreadIds[sent - 1]); // one worker served them all
        var why = log.WhyNotAllocationFree(Warmup, sent - 1);
        Assert.True(why is null, $"{sent - 1 - Warmup} echoed messages of {size} B ({clock.Elapsed.TotalSeconds:F1} s): {why}");
    }
}
