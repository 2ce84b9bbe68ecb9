using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using HyperRoute.Http;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Http;

/// <summary>
/// Mutated requests (fixed seed, so a failure reproduces) never crash, hang or confuse the server: every
/// connection gets only well-formed responses and then a close, no handler error is reported, and a valid
/// request is served correctly afterwards.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Connections = 16_000;
    private const int RequestsPerConnection = 5; // pipelined in one write: later ones reuse the connection while it stays open

    private static readonly string[] Seeds =
    [
        "GET /plaintext HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /users/42 HTTP/1.1\r\nHost: test\r\nAccept: application/json\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world",
        "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n",
        "GET /tenant HTTP/1.1\r\nHost: test\r\nX-Tenant: acme\r\n\r\n",
        "GET /plaintext HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "GET /stream/25 HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /nowhere?x=1 HTTP/1.1\r\nHost: test\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody",
        "GET http://test/plaintext HTTP/1.1\r\nHost: test\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: test\r\n\r\n",
        "DELETE /plaintext HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
    ];

    private static readonly string[] ContentLengths = ["0", "1", "4", "11", "40", "-1", "abc", "", " 7 ", "5, 5", "5, 6", "99999999999999999999", "1000000000", "0x10", "+4"];

    private static readonly string[] TransferEncodings = ["chunked", "CHUNKED", "gzip", "gzip, chunked", "chunked, gzip", "chunked, chunked", "identity", "", " chunked", "chunked,", ",chunked", "x;y"];

    private static readonly byte[] Inserted = "\r\n \0:\t;,\""u8.ToArray();

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Mutated_requests_get_well_formed_answers_or_a_close_and_never_break_the_server(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with
        {
            Workers = 2,
            Limits = o.Limits with { MaxRequestBodySize = 4096, MaxRequestHeadersTotalSize = 4096, MaxRequestLineSize = 1024 },
        });
        var random = new Random(20261122);
        var statuses = new SortedDictionary<int, int>();
        var responses = 0;
        var clock = Stopwatch.StartNew();

        for (var c = 0; c < Connections; c++)
        {
            var wire = new List<byte>();
            for (var r = 0; r < RequestsPerConnection; r++)
            {
                wire.AddRange(Mutate(random, Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)])));
            }

            using var client = server.Connect(timeout: TimeSpan.FromSeconds(10));
            client.Send(wire.ToArray());
            client.ShutdownSend(); // the server sees the end: no waiting on a truncated request's timeout
            while (true)
            {
                RawResponse response;
                try
                {
                    response = client.Read();
                }
                catch (ConnectionClosedException)
                {
                    break;
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                {
                    Assert.Fail($"Connection {c}: {e.Message}\nSent: {Escape(wire.ToArray())}");
                    throw;
                }

                responses++;
                statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
            }
        }

        output.WriteLine($"{transport}: {Connections * RequestsPerConnection} requests on {Connections} connections, {responses} responses in {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.Empty(server.HandlerErrors);
        Assert.Equal(0, statuses.GetValueOrDefault(500));
        Assert.True(statuses.GetValueOrDefault(200) > 1000, "Too few mutations stayed valid for the fuzz to exercise the success path.");
        Assert.True(statuses.GetValueOrDefault(400) > 1000, "Too few mutations were rejected for the fuzz to exercise the parser's errors.");
        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 0);

        using var after = server.Connect();
        after.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(after.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Mutated_requests_left_open_are_answered_or_closed_within_the_timeouts(string transport)
    {
        // No end of input this time: a truncated request must end in a 408 (or a close), never in a hang.
        await using var server = TestServer.Start(transport, o => o with
        {
            Workers = 2,
            KeepAliveTimeout = TimeSpan.FromSeconds(1),
            RequestHeadersTimeout = TimeSpan.FromSeconds(1),
            RequestBodyTimeout = TimeSpan.FromSeconds(1),
            Limits = o.Limits with { MaxRequestBodySize = 4096 },
        });
        var random = new Random(4711);
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        const int Batches = 2, BatchSize = 250;

        for (var b = 0; b < Batches; b++)
        {
            var batch = new (RawHttpClient Client, byte[] Wire)[BatchSize];
            for (var i = 0; i < BatchSize; i++)
            {
                var wire = new List<byte>();
                for (var r = 0; r < 3; r++)
                {
                    wire.AddRange(Mutate(random, Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)])));
                }

                batch[i] = (server.Connect(timeout: TimeSpan.FromSeconds(6)), wire.ToArray());
                batch[i].Client.Send(batch[i].Wire);
            }

            foreach (var (client, wire) in batch)
            {
                using (client)
                {
                    while (true)
                    {
                        try
                        {
                            var response = client.Read();
                            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
                        }
                        catch (ConnectionClosedException)
                        {
                            break;
                        }
                        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                        {
                            Assert.Fail($"{e.Message}\nSent: {Escape(wire)}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{transport}: {Batches * BatchSize} connections left open, in {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.Empty(server.HandlerErrors);
        Assert.True(statuses.GetValueOrDefault(408) > 0, "No mutation left a request unfinished: the timeout path went untested.");
        await ConnectionTests.WaitUntil(() => server.Server.ConnectionsOpen == 0);

        using var after = server.Connect();
        after.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(after.Read());
    }

    [Fact]
    public void Parser_on_its_own_never_throws_on_mutated_heads()
    {
        // In-process, so far more cases than the socket fuzz: any exception here would be a crash in the server.
        var random = new Random(1234);
        var slots = new HttpSlice[TestEndpoint.HeaderSlotCount];
        var limits = new HttpLimits { MaxRequestLineSize = 256, MaxRequestHeadersTotalSize = 512, MaxRequestHeaderCount = 8 };
        var outcomes = new SortedDictionary<string, int>();
        for (var i = 0; i < 200_000; i++)
        {
            var bytes = Mutate(random, Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)]));
            string outcome;
            try
            {
                outcome = HttpRequestParser.TryParse<TestEndpoint>(bytes, limits, out var head, slots, out var error)
                    ? (head.Length <= bytes.Length ? "parsed" : throw new InvalidOperationException("The head is longer than the input."))
                    : error.ToString();
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name}: {e.Message}\nInput: {Escape(bytes)}");
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
    }

    private static byte[] Mutate(Random random, byte[] request)
    {
        var bytes = request.ToList();
        var mutations = random.Next(10) < 4 ? 0 : random.Next(1, 4); // 40 % of the seeds go out as they are
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(9))
            {
                case 7:
                    // A run of CRs and LFs, often before the request line, where empty lines are tolerated.
                    var run = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(2) == 0 ? (byte)'\r' : (byte)'\n');
                    bytes.InsertRange(random.Next(4) == 0 ? 0 : at, run);
                    break;
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)random.Next(1, 256);
                    break;
                case 1:
                    bytes.Insert(at, Inserted[random.Next(Inserted.Length)]);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    DuplicateHeaderLine(random, bytes);
                    break;
                case 5:
                    InsertHeader(bytes, $"Content-Length: {ContentLengths[random.Next(ContentLengths.Length)]}");
                    break;
                case 6:
                    InsertHeader(bytes, $"Transfer-Encoding: {TransferEncodings[random.Next(TransferEncodings.Length)]}");
                    break;
                default:
                    var length = Math.Min(random.Next(1, 40), bytes.Count - Math.Min(at, bytes.Count));
                    bytes.InsertRange(at, bytes.GetRange(Math.Min(at, bytes.Count), length)); // a repeated run of bytes
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static void DuplicateHeaderLine(Random random, List<byte> bytes)
    {
        var lineStarts = new List<int>();
        for (var i = 0; i + 1 < bytes.Count; i++)
        {
            if (bytes[i] == '\n' && bytes[i + 1] != '\r')
            {
                lineStarts.Add(i + 1);
            }
        }

        if (lineStarts.Count == 0)
        {
            return;
        }

        var start = lineStarts[random.Next(lineStarts.Count)];
        var end = bytes.IndexOf((byte)'\n', start);
        if (end > start)
        {
            bytes.InsertRange(start, bytes.GetRange(start, end - start + 1));
        }
    }

    // After the request line (or at the start when there is none).
    private static void InsertHeader(List<byte> bytes, string header)
    {
        var firstLineEnd = bytes.IndexOf((byte)'\n');
        bytes.InsertRange(firstLineEnd + 1, Encoding.ASCII.GetBytes(header + "\r\n"));
    }

    private static string Escape(byte[] bytes)
        => string.Concat(bytes.Select(b => b switch
        {
            (byte)'\r' => "\\r",
            (byte)'\n' => "\\n\n",
            < 0x20 or >= 0x7F => $"\\x{b:X2}",
            _ => ((char)b).ToString(),
        }));
}
