using System.Text;
using HyperRoute.Routing;
using Xunit;

namespace HyperRoute.Tests;

public sealed class Utf8ParseTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("+7", 7)]
    [InlineData("-12", -12)]
    [InlineData("-0", 0)]
    [InlineData("007", 7)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("0000000000002147483647", int.MaxValue)]
    public void Int32_accepts_whole_values_in_range(string text, int expected)
    {
        Assert.True(Utf8Parse.TryParse(Encoding.ASCII.GetBytes(text), out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("12a")]
    [InlineData(" 7")]
    [InlineData("7 ")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999999")]
    [InlineData("1.5")]
    [InlineData("--1")]
    public void Int32_rejects_anything_else(string text)
    {
        Assert.False(Utf8Parse.TryParse(Encoding.ASCII.GetBytes(text), out int _));
    }
}
