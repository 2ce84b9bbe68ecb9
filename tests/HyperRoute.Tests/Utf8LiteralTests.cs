using System;
using System.Text;
using HyperRoute.Routing;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>
/// The comparisons every generated dispatcher runs: ASCII letters match in either case, every other byte only itself
/// (bytes that differ from a letter-like byte by 0x20, such as <c>@</c> and <c>`</c>, must not fold), at every length
/// the word-at-a-time code distinguishes.
/// </summary>
public sealed class Utf8LiteralTests
{
    // Pairs that differ only in the 0x20 bit but are not an upper- and lower-case letter.
    private static readonly (byte Literal, byte Request)[] NotFolded =
    {
        ((byte)'`', (byte)'@'), ((byte)'{', (byte)'['), ((byte)'~', (byte)'^'), ((byte)'}', (byte)']'),
        (0x7F, (byte)'_'), ((byte)'0', (byte)'\x10'), ((byte)'-', (byte)'\r'), (0xE1, 0xC1), (0xFA, 0xDA),
    };

    [Fact]
    public void EqualsLower_matches_letters_in_either_case_at_every_length_and_position()
    {
        for (var length = 1; length <= 20; length++)
        {
            var literal = Literal(length);
            for (var position = 0; position < length; position++)
            {
                var request = (byte[])literal.Clone();
                request[position] = (byte)char.ToUpperInvariant((char)request[position]);
                Assert.True(Utf8Literal.EqualsLower(request, literal), $"length {length}, upper case at {position}");
            }
        }
    }

    [Fact]
    public void EqualsLower_does_not_fold_bytes_that_are_not_letters_at_any_length_or_position()
    {
        foreach (var (literalByte, requestByte) in NotFolded)
        {
            for (var length = 1; length <= 20; length++)
            {
                for (var position = 0; position < length; position++)
                {
                    var literal = Literal(length);
                    literal[position] = literalByte;
                    var request = (byte[])literal.Clone();
                    Assert.True(Utf8Literal.EqualsLower(request, literal));

                    request[position] = requestByte;
                    Assert.False(Utf8Literal.EqualsLower(request, literal), $"0x{requestByte:X2} matched 0x{literalByte:X2} at {position} of {length}");
                }
            }
        }
    }

    [Fact]
    public void EqualsLower_tells_any_single_byte_difference_and_any_length_difference()
    {
        for (var length = 1; length <= 20; length++)
        {
            var literal = Literal(length);
            Assert.False(Utf8Literal.EqualsLower(literal.AsSpan(0, length - 1), literal));
            for (var position = 0; position < length; position++)
            {
                var request = (byte[])literal.Clone();
                request[position] = (byte)'z' == request[position] ? (byte)'y' : (byte)'z';
                Assert.False(Utf8Literal.EqualsLower(request, literal), $"length {length}, changed at {position}");
            }
        }
    }

    [Theory]
    [InlineData("/users", 1, "users", true)]
    [InlineData("/USERS/7", 1, "users", true)]
    [InlineData("/usersx/7", 1, "users", false)]
    [InlineData("/user", 1, "users", false)]
    [InlineData("/a/users", 3, "users", true)]
    [InlineData("/a/", 3, "users", false)]
    [InlineData("/api/v1/x", 1, "api/v1", true)]
    [InlineData("/api%2Fv1/x", 1, "api/v1", false)]
    public void IsSegment_needs_the_literal_then_the_end_of_the_path_or_a_slash(string path, int start, string literal, bool expected)
    {
        Assert.Equal(expected, Utf8Literal.IsSegment(Encoding.UTF8.GetBytes(path), start, Encoding.UTF8.GetBytes(literal)));
    }

    [Fact]
    public void ContainsEscape_agrees_with_a_plain_search_for_every_length_and_position()
    {
        for (var length = 0; length <= 70; length++)
        {
            var path = new byte[length];
            path.AsSpan().Fill((byte)'a');
            Assert.False(RoutePath.ContainsEscape(path));
            for (var position = 0; position < length; position++)
            {
                path[position] = (byte)'%';
                Assert.True(RoutePath.ContainsEscape(path), $"'%' at {position} of {length}");
                path[position] = (byte)'a';
            }
        }
    }

    // A lower-case literal of letters, digits and punctuation: "abc-0.d_e..." cut to length.
    private static byte[] Literal(int length)
    {
        const string Pattern = "ab-c0d.e_fg1h~ijklmnopqrstuvwxyz";
        return Encoding.ASCII.GetBytes(Pattern.Substring(0, length));
    }
}
