using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using HyperRoute.Tests.Http.Streaming;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// <see cref="SmugglingTests"/> with request bodies streamed: every llhttp corpus case goes through a proxy whose
/// routes stream their bodies, to a backend that reads both framings strictly (<see cref="StreamingBackend"/>). Whether a
/// body is streamed or buffered depends on how the bytes arrive, so both paths are held to one rule: for each request
/// the server accepts, the backend receives exactly one complete request with one framing (a single
/// <c>Content-Length</c>, or chunked as the proxy re-chunked it) and the body the server's parser read; a request the
/// server refuses in the middle of its body never completes at the backend (its connection is cut).
/// </summary>
public sealed class StreamedSmugglingTests(ITestOutputHelper output)
{
    /// <summary>Each case sent whole (its bodies usually arrive with their heads), and trickled (they do not: they stream).</summary>
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var id in LlhttpCorpusTests.CaseIds())
        {
            data.Add(id, false);
            data.Add(id, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_accepted_request_reaches_the_backend_once_with_one_framing_when_bodies_stream(string id, bool trickled)
    {
        var cases = LlhttpCorpus.Load();
        Assert.True(cases is not null && cases.Any(c => c.Id == id), $"The llhttp corpus is missing at {LlhttpCorpus.RelativePath}.");
        var item = cases!.Single(c => c.Id == id);
        output.WriteLine($"raw: {item.RawForDisplay}");
        var stream = LlhttpComparison.Read(item.Raw, checkPastMissingHost: true);

        using var backend = new StreamingBackend();
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]));
        await using var server = TestServer<StreamingProxyTestEndpoint>.Start(new StreamingProxyTestEndpoint(group), "epoll");
        var expected = stream.Messages.Count
            + (stream.End == StreamEnd.Chunked ? item.Messages.Skip(stream.Messages.Count).Count(m => m.Complete) : 0);
        using (var client = server.Connect(TimeSpan.FromSeconds(5)))
        {
            if (trickled)
            {
                // A client that sends a few bytes at a time: each head is parsed before its body is in.
                await client.SendInPiecesAsync(Encoding.Latin1.GetString(stream.Bytes), 16, TimeSpan.FromMilliseconds(1));
            }
            else
            {
                client.Send(stream.Bytes);
            }
            for (var i = 0; i < expected; i++)
            {
                var head = i < stream.Messages.Count && stream.Messages[i].Method == "HEAD"; // its answer has a length, no body
                Assert.Equal(200, client.Read(head).Status);
            }

            if (stream.End == StreamEnd.Idle)
            {
                client.Send("GET /local HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                try
                {
                    Assert.Equal("local", client.Read().BodyText);
                }
                catch (ConnectionClosedException)
                {
                    // the last message closed the connection: the server read no further
                }
            }
        }

        var received = backend.Requests.ToArray();
        output.WriteLine($"accepted: {expected}, backend received: {received.Length}");
        Assert.Equal(expected, received.Length);
        Assert.Equal(0, backend.Ambiguous);
        for (var i = 0; i < Math.Min(received.Length, stream.Messages.Count); i++)
        {
            var message = stream.Messages[i];
            Assert.StartsWith(message.Method + " ", received[i].Head, StringComparison.Ordinal);
            var body = Encoding.Latin1.GetBytes(message.Body ?? "");
            Assert.Equal($"{body.Length}:{StreamedBodyEndpoint.Hash(StreamedBodyEndpoint.HashSeed, body):x16}", received[i].Summary);
        }
    }
}
