using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// RFC 9112 violations in the head or in a chunked body answer 400 and close the connection; whatever the
/// client sent after the bad request is never processed (no request smuggling).
/// </summary>
public sealed class MalformedRequestTests
{
    private const string Host = "Host: test\r\n";

    public static TheoryData<string, string, string> Violations()
    {
        var cases = new (string Name, string Request)[]
        {
            ("missing Host in HTTP/1.1", "GET /plaintext HTTP/1.1\r\n\r\n"),
            ("duplicate Host", "GET /plaintext HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
            ("whitespace before the colon", "GET /plaintext HTTP/1.1\r\n" + Host + "X-A : 1\r\n\r\n"),
            ("obs-fold", "GET /plaintext HTTP/1.1\r\n" + Host + "X-A: 1\r\n 2\r\n\r\n"),
            ("bare CR in a field value", "GET /plaintext HTTP/1.1\r\n" + Host + "X-A: 1\r2\r\n\r\n"),
            ("bare LF ending a field line", "GET /plaintext HTTP/1.1\r\n" + "Host: test\n" + "X-A: 1\r\n\r\n"),
            ("bare LF ending the request line", "GET /plaintext HTTP/1.1\n" + Host + "\r\n"),
            ("bare LF as the empty line", "GET /plaintext HTTP/1.1\r\n" + Host + "\n"),
            ("control character in a field value", "GET /plaintext HTTP/1.1\r\n" + Host + "X-A: a\u0001b\r\n\r\n"),
            ("NUL in a field value", "GET /plaintext HTTP/1.1\r\n" + Host + "X-A: a\0b\r\n\r\n"),
            ("DEL in a field value", "GET /plaintext HTTP/1.1\r\n" + Host + "X-A: a\u007Fb\r\n\r\n"),
            ("non-numeric Content-Length", "POST /echo HTTP/1.1\r\n" + Host + "Content-Length: abc\r\n\r\n"),
            ("negative Content-Length", "POST /echo HTTP/1.1\r\n" + Host + "Content-Length: -1\r\n\r\n"),
            ("signed Content-Length", "POST /echo HTTP/1.1\r\n" + Host + "Content-Length: +3\r\n\r\nabc"),
            ("empty Content-Length", "POST /echo HTTP/1.1\r\n" + Host + "Content-Length:\r\n\r\n"),
            ("conflicting Content-Length lines", "POST /echo HTTP/1.1\r\n" + Host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
            ("conflicting Content-Length list", "POST /echo HTTP/1.1\r\n" + Host + "Content-Length: 3, 4\r\n\r\nabcd"),
            ("Transfer-Encoding not ending in chunked", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: gzip\r\n\r\n"),
            ("Transfer-Encoding with a coding after chunked", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"),
            ("Transfer-Encoding chunked twice", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            ("Transfer-Encoding in HTTP/1.0", "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            ("Content-Length with Transfer-Encoding", "POST /echo HTTP/1.1\r\n" + Host + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            ("Transfer-Encoding with Content-Length", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
            ("non-hex chunk size", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
            ("chunk size with a bare LF", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n"),
            ("chunk data longer than its size", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n"),
            ("empty chunk size", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n"),
            ("malformed chunk extension", "POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\n\r\n3;=x\r\nabc\r\n0\r\n\r\n"),
            ("space inside the target", "GET /plain text HTTP/1.1\r\n" + Host + "\r\n"),
            ("bare CR before the request line", "\rGET /plaintext HTTP/1.1\r\n" + Host + "\r\n"),
            ("CRs without LF before the request line", "\r\r\r\n\r\n"),
            ("missing version", "GET /plaintext\r\n" + Host + "\r\n"),
            ("empty header name", "GET /plaintext HTTP/1.1\r\n" + Host + ": x\r\n\r\n"),
            ("duplicate bound header", "GET /tenant HTTP/1.1\r\n" + Host + "X-Tenant: a\r\nX-Tenant: b\r\n\r\n"),
        };

        var data = new TheoryData<string, string, string>();
        foreach (var transport in Transports.Names)
        {
            foreach (var (name, request) in cases)
            {
                data.Add(transport, name, request);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Violation_answers_400_and_closes_without_processing_what_follows(string transport, string violation, string request)
    {
        await using var server = TestServer.Start(transport);
        _ = violation; // named for the test output

        Requests.AssertRejected(server, request, 400);
    }
}
