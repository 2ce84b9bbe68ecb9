using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>Tests that measure the whole process (CPU time) and so run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (measures the process)";
}

/// <summary>
/// A client that stops reading: the server stops writing, waits without spinning, and resumes where it left off
/// when the client reads again.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class BackpressureTests
{
    private static readonly TimeSpan QuietBound = TimeSpan.FromMilliseconds(500); // a spin costs a whole core: ~1,000 ms

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Response_blocked_by_a_half_closed_client_that_does_not_read_waits_without_spinning(string transport)
    {
        await using var server = TestServer.Start(transport);
        using var client = server.Connect(timeout: TimeSpan.FromSeconds(20));
        var body = new byte[24 * 1024 * 1024]; // far more than the loopback socket buffers hold
        new Random(3).NextBytes(body);

        client.Send(Encoding.ASCII.GetBytes($"POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\n\r\n"));
        client.Send(body);
        client.ShutdownSend(); // the server sees the end of the input while its output is stuck
        await ConnectionTests.WaitUntil(() => server.Server.RequestsServed == 1); // the response is being sent

        // A spinning server burns a core in every window; a collection of the large arrays earlier tests in this
        // collection left behind, or the runtime's own background work, is over after one. So the quietest of up to
        // three windows is what is judged, each after a full collection.
        var quietest = TimeSpan.MaxValue;
        for (var window = 0; window < 3 && quietest >= QuietBound; window++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(1000); // the measuring window, not a wait for something to happen
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            quietest = cpu < quietest ? cpu : quietest;
        }

        Assert.True(quietest < QuietBound, $"The process used at least {quietest.TotalMilliseconds:0} ms of CPU in each of three 1 s windows while the server waited for the client to read.");
        var response = client.Read();
        Assert.Equal(200, response.Status);
        Assert.Equal(body, response.Body);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Client_resetting_a_write_blocked_connection_frees_it_at_once(string transport)
    {
        await using var server = TestServer.Start(transport);
        var client = server.Connect();
        var body = new byte[24 * 1024 * 1024];
        client.Send(Encoding.ASCII.GetBytes($"POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\n\r\n"));
        client.Send(body);
        await ConnectionTests.WaitUntil(() => server.Server.RequestsServed == 1); // the response is being sent

        client.Reset();

        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 0, seconds: 3); // not the 30 s send timeout
        using var next = server.Connect();
        next.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(next.Read());
    }
}
