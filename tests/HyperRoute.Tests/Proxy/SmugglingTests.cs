using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// Request smuggling through the proxy: every llhttp corpus case (a Host added where the parser would stop at its
/// absence) is sent through the proxy to a real backend. For each request the server accepts, the backend receives
/// exactly one request, framed one way only (a single Content-Length, never Transfer-Encoding), carrying the body the
/// server's parser read; nothing else reaches it.
/// </summary>
public sealed partial class SmugglingTests(ITestOutputHelper output)
{
    private const string Absent = "(corpus absent)";

    public static TheoryData<string> CaseIds() => LlhttpCorpusTests.CaseIds();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Each_accepted_request_reaches_the_backend_once_with_one_framing(string id)
    {
        var cases = LlhttpCorpus.Load();
        Assert.True(cases is not null && id != Absent, $"The llhttp corpus is missing at {LlhttpCorpus.RelativePath}.");
        var item = cases!.Single(c => c.Id == id);
        output.WriteLine($"raw: {item.RawForDisplay}");
        var stream = LlhttpComparison.Read(item.Raw, checkPastMissingHost: true);

        using var backend = new ScriptedBackend(request => BackendReply.Text(Encoding.Latin1.GetString(request.Body)));
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]));
        await using var server = TestServer<ProxyTestEndpoint>.Start(new ProxyTestEndpoint(group), "epoll");
        // The requests the server accepts: those the parser read, and past a chunked body (which it de-chunks) the
        // ones llhttp completes. Each is answered by the backend; the client reads exactly that many answers (a
        // half-close would abandon a request still waiting for its backend).
        var expected = stream.Messages.Count
            + (stream.End == StreamEnd.Chunked ? item.Messages.Skip(stream.Messages.Count).Count(m => m.Complete) : 0);
        using (var client = server.Connect(TimeSpan.FromSeconds(5)))
        {
            client.Send(stream.Bytes);
            for (var i = 0; i < expected; i++)
            {
                var response = client.Read();
                Assert.Equal(200, response.Status);
            }

            if (stream.End == StreamEnd.Idle)
            {
                // Nothing may follow: a last local request, answered without the backend, closes the connection.
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
        for (var i = 0; i < received.Length; i++)
        {
            var request = received[i];
            Assert.Matches(RequestLine(), request.RequestLine);
            Assert.Empty(request.Values("Transfer-Encoding"));
            var lengths = request.Values("Content-Length");
            Assert.True(lengths.Length <= 1, $"Request {i} reached the backend with {lengths.Length} Content-Length fields.");
            Assert.Equal(lengths.Length == 0 ? 0 : int.Parse(lengths[0], System.Globalization.CultureInfo.InvariantCulture), request.Body.Length);
            if (i < stream.Messages.Count)
            {
                var message = stream.Messages[i];
                Assert.StartsWith(message.Method + " ", request.RequestLine, StringComparison.Ordinal);
                Assert.Equal(message.Body ?? "", Encoding.Latin1.GetString(request.Body));
            }
        }
    }

    [GeneratedRegex("^[A-Z]+ [^ ]+ HTTP/1\\.1$")]
    private static partial Regex RequestLine();
}
