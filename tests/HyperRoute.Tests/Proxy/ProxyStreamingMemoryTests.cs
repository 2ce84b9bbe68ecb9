using System;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// A response far larger than any buffer goes through the proxy as it arrives: the process allocates a small, fixed
/// amount while 64 MiB pass, not the body. Runs alone: it measures the whole process's allocations.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ProxyStreamingMemoryTests
{
    private const int BodySize = 64 << 20;
    private const long AllocationBound = 8 << 20; // an eighth of the body: buffers, never the body

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task A_64_MiB_response_streams_through_with_bounded_allocation(string transport)
    {
        var body = new byte[BodySize];
        new Random(11).NextBytes(body);
        var reply = new byte[BodySize + 64];
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {BodySize}\r\n\r\n");
        head.CopyTo(reply, 0);
        body.CopyTo(reply, head.Length);
        var replyBytes = reply.AsMemory(0, head.Length + BodySize).ToArray();
        using var backend = new ScriptedBackend(_ => new BackendReply(replyBytes));
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]));
        await using var server = TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(group), transport);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 30_000 };
        client.Connect(server.EndPoint);
        var buffer = new byte[64 * 1024];
        var request = Encoding.ASCII.GetBytes("GET /big HTTP/1.1\r\nHost: test\r\n\r\n");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        client.Send(request);
        var decoder = new ChunkedBody();
        while (!decoder.Done)
        {
            var received = client.Receive(buffer);
            Assert.True(received > 0, $"The proxy closed the connection after {decoder.Length} body bytes.");
            decoder.Feed(buffer.AsSpan(0, received));
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(BodySize, decoder.Length);
        Assert.Equal(SHA256.HashData(body), decoder.Hash());
        Assert.True(allocated < AllocationBound, $"The process allocated {allocated / 1024} KiB while a {BodySize >> 20} MiB response went through.");
    }

    /// <summary>Reads a chunked response as it arrives: the head, then chunks, hashing the body without keeping it.</summary>
    private sealed class ChunkedBody
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _line = new byte[4096];
        private int _lineLength;
        private bool _inHead = true;
        private long _chunkLeft = -1; // -1: a size line is next; -2: the CRLF after a chunk's data

        public long Length { get; private set; }

        public bool Done { get; private set; }

        public byte[] Hash() => _hash.GetHashAndReset();

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty && !Done)
            {
                if (_chunkLeft > 0)
                {
                    var take = (int)Math.Min(_chunkLeft, bytes.Length);
                    _hash.AppendData(bytes.Slice(0, take));
                    Length += take;
                    _chunkLeft -= take;
                    bytes = bytes.Slice(take);
                    if (_chunkLeft == 0)
                    {
                        _chunkLeft = -2;
                    }

                    continue;
                }

                var b = bytes[0];
                bytes = bytes.Slice(1);
                _line[_lineLength++] = b;
                if (b != '\n')
                {
                    continue;
                }

                var line = Encoding.ASCII.GetString(_line, 0, _lineLength - 2);
                _lineLength = 0;
                if (_inHead)
                {
                    if (line.Length == 0)
                    {
                        _inHead = false;
                    }
                    else if (line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
                    {
                        Assert.Equal("HTTP/1.1 200 OK", line);
                    }
                    else if (line.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        Assert.Fail("A body larger than the stream threshold should go out chunked, as it arrives.");
                    }
                }
                else if (_chunkLeft == -2)
                {
                    Assert.Equal(string.Empty, line);
                    _chunkLeft = -1;
                }
                else if (_chunkLeft == -1)
                {
                    var size = Convert.ToInt64(line.Split(';')[0], 16);
                    _chunkLeft = size == 0 ? -3 : size;
                }
                else if (line.Length == 0)
                {
                    Done = true; // the empty line after the last chunk (no trailers)
                }
            }
        }
    }
}
