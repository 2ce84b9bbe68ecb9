using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using HyperRoute.Tests.Messages;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>
/// A generated router with <c>async ValueTask</c> handlers on the UDP source: the loop waits for a pending handler
/// before it receives the next datagram, so datagrams are handled one at a time, in order.
/// </summary>
public sealed class UdpSourceAsyncHandlerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 20_000)]
    public async Task The_next_datagram_is_handled_once_the_pending_handler_completed()
    {
        var router = new JobRouter();
        router.Hold(1);
        var counters = new MessageCounters();
        await using var source = UdpSource.Start(new JobRouter.FrameHandler(router, counters));
        using var client = Client(source);

        client.Send(Job.Frame(JobRouter.WaitKind, 1));
        await router.Started(1).WaitAsync(Bound);
        client.Send(Job.Frame(JobRouter.QuickKind, 2)); // waits in the socket's buffer
        Assert.Equal(["start 1@0"], router.Journal);

        router.Open(1);
        await Frames.WaitUntil(() => counters.Routed == 2);
        Assert.Equal(["start 1@0", "end 1@0", "start 2@0", "end 2@0"], router.Journal);
        Assert.Equal(2, source.FramesReceived);
        Assert.Equal(0, source.HandlerErrors);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_handler_that_throws_after_await_is_counted_and_reported_and_the_next_datagram_is_handled()
    {
        var router = new JobRouter();
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var counters = new MessageCounters();
        await using var source = UdpSource.Start(new JobRouter.FrameHandler(router, counters), new UdpSourceOptions { OnHandlerError = e => reported.TrySetResult(e) });
        using var client = Client(source);

        router.Hold(1);
        client.Send(Job.Frame(JobRouter.FailKind, 1));
        await router.Started(1).WaitAsync(Bound);
        router.Open(1);
        Assert.Equal("job 1 failed after await", (await reported.Task.WaitAsync(Bound)).Message);

        client.Send(Job.Frame(JobRouter.QuickKind, 2));
        await Frames.WaitUntil(() => counters.Routed == 1);
        Assert.Equal(1, source.HandlerErrors);
        Assert.Equal(["start 1@0", "start 2@0", "end 2@0"], router.Journal);
    }

    private static Socket Client<T>(UdpSource<T> source)
        where T : struct, IFrameHandler
    {
        var socket = new Socket(source.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(source.EndPoint);
        return socket;
    }
}
