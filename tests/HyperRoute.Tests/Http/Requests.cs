using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>Valid requests the tests build on, and the assertion every rejection shares.</summary>
public static class Requests
{
    public const string Plaintext = "GET /plaintext HTTP/1.1\r\nHost: test\r\n\r\n";

    public static string Get(string path, string extraHeaders = "") => $"GET {path} HTTP/1.1\r\nHost: test\r\n{extraHeaders}\r\n";

    public static string Post(string path, string body, string extraHeaders = "")
        => $"POST {path} HTTP/1.1\r\nHost: test\r\nContent-Length: {body.Length}\r\n{extraHeaders}\r\n{body}";

    public static void AssertIsHelloWorld(RawResponse response)
    {
        Assert.Equal(200, response.Status);
        Assert.Equal("text/plain", response.Header("Content-Type"));
        Assert.Equal("13", response.Header("Content-Length"));
        Assert.Equal("Hello, World!", response.BodyText);
    }

    /// <summary>
    /// Sends <paramref name="request"/> followed by a valid request in the same write, and asserts: exactly one
    /// response, with <paramref name="status"/> and <c>Connection: close</c>, then the connection closes; the
    /// server counted one rejection and served nothing (the request after the bad one was not processed).
    /// </summary>
    public static RawResponse AssertRejected(TestServer<TestEndpoint> server, string request, int status)
    {
        using var client = server.Connect();
        client.Send(request + Plaintext);
        var response = client.Read();

        Assert.Equal(status, response.Status);
        Assert.True(response.SaysClose, $"Expected Connection: close on the {status}.");
        // Protocol errors stay minimal; a body over the limit is about the body, so it is a problem as the other
        // errors answered after the head are.
        Assert.Equal(status == 413 ? "application/problem+json" : "text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.True(client.IsClosedByServer(), "The server did not close the connection after the error response.");
        Assert.Equal(1, server.Server.RequestsRejected);
        Assert.Equal(0, server.Server.RequestsServed);
        Assert.Empty(server.HandlerErrors);
        return response;
    }
}
