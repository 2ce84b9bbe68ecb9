using System;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Tests.Http;
using Xunit;
using static HyperRoute.Tests.Proxy.ProxyRequestBodyStreamingTests;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// A request body far larger than any buffer goes through the proxy as it arrives, in lockstep with a backend that keeps
/// nothing, while the whole process allocates a small, fixed amount. Runs alone: it measures the whole process's
/// allocations.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ProxyRequestBodyMemoryTests
{
    [Theory]
    [InlineData("epoll", false)]
    [InlineData("epoll", true)]
    [InlineData("sockets", false)]
    [InlineData("sockets", true)]
    public async Task A_50_MB_body_reaches_the_backend_piece_by_piece_with_bounded_memory(string transport, bool chunked)
    {
        using var backend = new StreamingBackend();
        await using var server = Start(backend, transport, maxBody: 64 << 20);
        using var client = server.Connect(TimeSpan.FromSeconds(30));
        var body = Body(50 << 20);
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Length}";
        var chunkFrames = chunked ? Enumerable.Range(0, body.Length / Piece).Select(i => Chunk(body.AsSpan(i * Piece, Piece))).ToArray() : [];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        client.Send($"POST /upload HTTP/1.1\r\nHost: test\r\n{framing}\r\n\r\n");
        for (var i = 0; i < body.Length / Piece; i++)
        {
            client.Send(chunked ? chunkFrames[i] : body.AsSpan(i * Piece, Piece));
            var sent = (long)(i + 1) * Piece;
            await ConnectionTests.WaitUntil(() => backend.BodyBytes == sent, seconds: 20); // before the next piece is sent
        }

        if (chunked)
        {
            client.Send("0\r\n\r\n");
        }

        var response = client.Read();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(200, response.Status);
        Assert.Equal(Summary(body), response.BodyText);
        var seen = Assert.Single(backend.Requests);
        Assert.Equal(chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Length}", seen.Framing);
        Assert.Equal(0, backend.Ambiguous);

        // Everything in this process (client, proxy, backend) allocated a small fraction of the body while it passed:
        // the proxy holds a bounded window and a pooled piece, never the body (buffering it would take 50 MB or more).
        Assert.True(allocated < 8 << 20, $"{allocated:N0} bytes were allocated while a {body.Length:N0}-byte body streamed through.");
    }
}
