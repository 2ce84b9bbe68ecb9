using System.Text;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>The parser fixes the llhttp corpus revealed, one behaviour each.</summary>
public sealed class HttpRequestParserTests
{
    [Theory]
    [InlineData("PUT /url HTTP/1.1\r\nContent-Length: 1000000000000000000000\r\n", HttpError.InvalidContentLength)]
    [InlineData("PUT /url HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n", HttpError.InvalidContentLength)]
    [InlineData("GET / HTTP/1.1\rLine: 1\r\n", HttpError.InvalidLineEnding)]
    [InlineData("PUT /url HTTP/1.1\r\nContent-Length: 3\r\n\rabc", HttpError.InvalidLineEnding)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\rZGET /evil: HTTP/1.1\r\nHost: a\r\n", HttpError.InvalidLineEnding)]
    [InlineData("GET / HTTP/5.6", HttpError.UnsupportedVersion)]
    [InlineData("GET / HTTP/1.1\r\n Host: foo", HttpError.ObsoleteLineFolding)]
    [InlineData("GET / HTTP/1.1\r\nFo@", HttpError.InvalidHeaderName)]
    [InlineData("GET / HTTP/1.1\r\nFoo: a\x01", HttpError.InvalidHeaderValue)]
    [InlineData("GET /a b", HttpError.InvalidRequestLine)]
    public void Incomplete_head_that_cannot_become_valid_is_rejected_at_once(string received, HttpError expected)
    {
        Assert.False(Parse(received, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r")]
    [InlineData("\r\nGE")]
    [InlineData("GET /plaintext HTTP/1.")]
    [InlineData("GET /plaintext HTTP/1.1\r")]
    [InlineData("GET /plaintext HTTP/1.1\r\nHost: x\r")]
    [InlineData("PUT / HTTP/1.1\r\nContent-Leng")]
    [InlineData("PUT / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n")]
    public void Incomplete_head_that_may_become_valid_asks_for_more_bytes(string received)
    {
        Assert.False(Parse(received, out _, out var error));
        Assert.Equal(HttpError.None, error);
    }

    [Fact]
    public void Transfer_coding_list_spans_field_lines()
    {
        Assert.False(Parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", out _, out var error));

        Assert.Equal(HttpError.UnsupportedTransferCoding, error); // 501, as for "gzip, chunked" on one line
    }

    [Fact]
    public void Chunked_on_a_later_field_line_is_the_final_coding()
    {
        Assert.True(Parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \r\nTransfer-Encoding: chunked\r\n\r\n", out var head, out _));

        Assert.True(head.IsChunked);
    }

    [Fact]
    public void Coding_after_chunked_on_a_later_line_is_rejected()
    {
        Assert.False(Parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", out _, out var error));

        Assert.Equal(HttpError.InvalidTransferEncoding, error);
    }

    [Fact]
    public void Carriage_return_before_the_request_line_must_start_an_empty_line()
    {
        Assert.False(Parse("\rGET / HTTP/1.1\r\nHost: x\r\n\r\n", out _, out var error));

        Assert.Equal(HttpError.InvalidLineEnding, error);
    }

    private static bool Parse(string request, out HttpRequestHead head, out HttpError error) =>
        HttpRequestParser.TryParse<NoHeaderSlots>(Encoding.Latin1.GetBytes(request), HttpLimits.Default, out head, default, out error);
}
