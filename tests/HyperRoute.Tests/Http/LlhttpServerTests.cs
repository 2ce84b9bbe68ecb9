using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HyperRoute.Http;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Http;

/// <summary>
/// The llhttp corpus against a live server (epoll transport on Linux): every non-lenient case's bytes are sent
/// on a fresh connection, the client half-closes, and the responses are read until the server closes. The
/// server must answer exactly as the parser reads the bytes (<see cref="LlhttpComparison.Read"/>, without the
/// Host patch: a missing Host is a 400 here): one 200 echoing the body per message read, then the error status
/// and a close when the parser rejects, nothing when it waits for more. Where the parser stops at a chunked body,
/// the server's de-chunking is checked against llhttp's own reading of the rest: the bodies it reports for the
/// messages it completes, and an error response when llhttp reports an error.
/// </summary>
public sealed class LlhttpServerTests(ITestOutputHelper output, LlhttpServerTests.Server server) : IClassFixture<LlhttpServerTests.Server>
{
    private const string Absent = "(corpus absent)";

    /// <summary>Cases where the server's answer cannot be predicted from llhttp's reading, with the reason.</summary>
    internal static readonly IReadOnlyDictionary<string, string> NotPredictable = new Dictionary<string, string>
    {
        // (empty: every case is predicted; add one only with the reason)
    };

    public static TheoryData<string> CaseIds() => LlhttpCorpusTests.CaseIds();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Server_answers_each_case_as_the_parser_reads_it(string id) => Check(id, addMissingHost: false);

    /// <summary>
    /// Most llhttp cases carry no Host, so as sent they stop at the 400 of the Host rule. With a Host line added
    /// to each head that lacks one, the rest is served: bodies (chunked ones included) and the later messages.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Server_answers_each_case_with_host_added_as_the_parser_and_llhttp_read_it(string id) => Check(id, addMissingHost: true);

    private void Check(string id, bool addMissingHost)
    {
        var cases = LlhttpCorpus.Load();
        if (cases is null || id == Absent)
        {
            output.WriteLine($"SKIPPED: {LlhttpCorpus.RelativePath} is absent (a clone outside the workplace); the corpus test runs in CI.");
            return;
        }

        var item = cases.Single(c => c.Id == id);
        output.WriteLine($"raw: {item.RawForDisplay}");
        if (NotPredictable.TryGetValue(id, out var reason))
        {
            output.WriteLine($"not predicted: {reason}");
            return;
        }

        var stream = LlhttpComparison.Read(item.Raw, checkPastMissingHost: addMissingHost);
        var expected = Expected(item, stream);
        var observed = Observe(stream.Bytes);
        output.WriteLine($"expected: {Describe(expected)}");
        output.WriteLine($"observed: {Describe(observed)}");
        Assert.Equal(Describe(expected), Describe(observed));
    }

    private List<Answer> Observe(byte[] raw)
    {
        using var client = RawHttpClient.Connect(server.EndPoint, TimeSpan.FromSeconds(5));
        client.Send(raw);
        client.ShutdownSend();
        var answers = new List<Answer>();
        while (true)
        {
            RawResponse response;
            try
            {
                response = client.Read();
            }
            catch (ConnectionClosedException)
            {
                return answers; // the server closed at a response boundary
            }

            if (response.Status >= 200)
            {
                answers.Add(new Answer(response.Status, response.Status == 200 ? Encoding.Latin1.GetString(response.Body) : null));
            }
        }
    }

    // What the server must answer, from the parser's reading of the bytes (and llhttp's, past a chunked body).
    private static List<Answer> Expected(LlhttpCase item, StreamResult stream)
    {
        var answers = stream.Messages.Select(m => new Answer(200, m.Method == "HEAD" ? "" : m.Body)).ToList();
        switch (stream.End)
        {
            case StreamEnd.Error:
                answers.Add(new Answer(stream.Error.StatusCode(), null));
                break;
            case StreamEnd.Chunked:
                foreach (var message in item.Messages.Skip(stream.Messages.Count).Where(m => m.Complete))
                {
                    answers.Add(new Answer(200, message.Method == "HEAD" ? "" : message.Body));
                }

                if (item.Expect == "error")
                {
                    answers.Add(new Answer(400, null));
                }

                break;
        }

        return answers;
    }

    private static string Describe(List<Answer> answers)
        => answers.Count == 0 ? "(no response)" : string.Join(", ", answers.Select(a => a.Body is null ? a.Status.ToString() : $"{a.Status} '{a.Body}'"));

    private sealed record Answer(int Status, string? Body);

    /// <summary>A server whose one route takes every request and echoes its body.</summary>
    public sealed class Server : IDisposable
    {
        private readonly HttpServer<EchoEndpoint> _server = HttpServer.Start(default(EchoEndpoint), new HttpServerOptions { Port = 0, Workers = 1 });

        public System.Net.IPEndPoint EndPoint => _server.EndPoint;

        public void Dispose() => _server.StopAsync(TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
    }

    /// <summary>Answers every request 200 with its body (none for HEAD).</summary>
    public readonly struct EchoEndpoint : IHttpEndpoint
    {
        public static int HeaderSlotCount => 0;

        public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

        public RouteMatch Serve(HttpExchange exchange)
        {
            exchange.Response.Write(exchange.Request.Body);
            return RouteMatch.Handled(0);
        }
    }
}
