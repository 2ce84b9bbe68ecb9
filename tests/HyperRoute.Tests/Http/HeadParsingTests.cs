using System.Text;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// The head parser on its own (<see cref="HttpRequestParser.TryParse{TSlots}"/>), for inputs whose failure in the
/// server would be a crash or a misparse rather than a wrong status.
/// </summary>
public sealed class HeadParsingTests
{
    [Theory]
    [InlineData("\r\r\r\n\r\n")]
    [InlineData("\r\r\r\r\r\n\r\n")]
    [InlineData("\r\n\r\r\r\n\r\n")]
    public void Carriage_returns_before_the_request_line_are_rejected_not_read_past_the_head(string head)
    {
        var ok = HttpRequestParser.TryParse<NoHeaderSlots>(Encoding.ASCII.GetBytes(head), HttpLimits.Default, out _, default, out var error);

        Assert.False(ok);
        Assert.Equal(400, error.StatusCode());
    }

    [Fact]
    public void Bare_carriage_return_before_the_request_line_is_rejected_not_taken_for_an_empty_line()
    {
        var ok = HttpRequestParser.TryParse<NoHeaderSlots>("\rGET /plaintext HTTP/1.1\r\nHost: test\r\n\r\n"u8, HttpLimits.Default, out var head, default, out var error);

        Assert.False(ok, $"Parsed as method '{Encoding.ASCII.GetString("\rGET /plaintext HTTP/1.1\r\nHost: test\r\n\r\n"u8.Slice(head.Method.Start, head.Method.Length))}'.");
        Assert.Equal(400, error.StatusCode());
    }

    [Fact]
    public void Empty_lines_before_the_request_line_are_skipped()
    {
        var bytes = "\r\n\r\nGET /plaintext HTTP/1.1\r\nHost: test\r\n\r\n"u8;

        var ok = HttpRequestParser.TryParse<NoHeaderSlots>(bytes, HttpLimits.Default, out var head, default, out var error);

        Assert.True(ok, error.ToString());
        Assert.Equal("GET", Encoding.ASCII.GetString(head.Method.Of(bytes)));
        Assert.Equal(bytes.Length, head.Length);
    }
}
