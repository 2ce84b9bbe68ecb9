using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HyperRoute.Routing;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>The segment scanner reads eight bytes at a time; these cases put slashes on every side of a word boundary.</summary>
public sealed class RoutePathTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string> { "/", "/a", "/a/b", "/users/12345", "/abcdefg/h", "/abcdefgh/i", "/abcdefghijklmno/p/", "/é/ü/x" };
        data.Add("/" + string.Join("/", System.Linq.Enumerable.Range(0, 40).Select(i => new string('x', i % 11))).TrimEnd('/') + "/z");
        data.Add("/" + new string('a', 70) + "/" + new string('b', 9));
        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Walking_segment_ends_agrees_with_a_plain_split(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        var expected = path == "/" ? new List<string>() : new List<string>(path[1..].Split('/'));

        var actual = new List<string>();
        for (var start = 1; expected.Count > 0 && start <= bytes.Length;)
        {
            var end = RoutePath.SegmentEnd(bytes, start);
            actual.Add(Encoding.UTF8.GetString(bytes, start, end - start));
            start = end + 1;
        }

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("/12345", 1, 12345, 6)]
    [InlineData("/a/-7/b", 3, -7, 5)]
    [InlineData("/a/7a/b", 3, 0, -1)]
    [InlineData("/a//b", 3, 0, -1)]
    [InlineData("/a/2147483648", 3, 0, -1)]
    [InlineData("/a/%31", 3, 0, -1)]
    [InlineData("/a/+7/b", 3, 7, 5)]
    [InlineData("/a/-2147483648", 3, int.MinValue, 14)]
    [InlineData("/a/2147483647", 3, int.MaxValue, 13)]
    [InlineData("/a/-2147483649", 3, 0, -1)]
    [InlineData("/a/99999999999999999999", 3, 0, -1)]
    [InlineData("/a/0000000000000000000042", 3, 42, 25)]
    [InlineData("/a/-", 3, 0, -1)]
    [InlineData("/a/+/b", 3, 0, -1)]
    [InlineData("/a/", 3, 0, -1)]
    [InlineData("/a/ 1", 3, 0, -1)]
    [InlineData("/a/1 ", 3, 0, -1)]
    public void An_int_segment_is_parsed_where_it_starts_and_must_be_the_whole_segment(string path, int start, int value, int end)
    {
        var bytes = Encoding.UTF8.GetBytes(path);

        var actualEnd = RoutePath.Int32SegmentEnd(bytes, start, out var actual);

        Assert.Equal(end, actualEnd);
        if (end >= 0)
        {
            Assert.Equal(value, actual);
        }
    }

    [Theory]
    [InlineData("/users/42", 7, 9, "42")]
    [InlineData("/users/42", 1, 6, "users")]
    [InlineData("/users/42", 9, 9, "")]
    [InlineData("/users/42", 0, 9, "/users/42")]
    public void A_segment_is_the_bytes_between_its_bounds(string path, int start, int end, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(RoutePath.Segment(Encoding.UTF8.GetBytes(path), start, end)));
    }

    [Theory]
    [InlineData(7, 10)] // past the end
    [InlineData(8, 7)] // start after end
    [InlineData(-1, 3)]
    [InlineData(2, -1)]
    [InlineData(int.MinValue, int.MaxValue)]
    public void A_segment_whose_bounds_do_not_fit_the_path_is_empty_and_reads_nothing(int start, int end)
    {
        Assert.True(RoutePath.Segment("/users/42"u8, start, end).IsEmpty);
    }

    [Fact]
    public void An_int_segment_accepts_exactly_what_Utf8Parser_accepts_as_a_whole_segment()
    {
        // Query values are parsed with Utf8Parser: a path value must be read the same way.
        var random = new Random(20261122);
        const string Alphabet = "0123456789+-/a ";
        var samples = new List<string> { "0", "-0", "+0", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296", "00", "-00012" };
        for (var n = 0; n < 20000; n++)
        {
            var chars = new char[random.Next(1, 14)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            samples.Add(new string(chars));
        }

        foreach (var sample in samples)
        {
            var segment = sample.Split('/')[0];
            var segmentBytes = Encoding.UTF8.GetBytes(segment);
            var expectedOk = System.Buffers.Text.Utf8Parser.TryParse(segmentBytes, out int expected, out var consumed) && consumed == segmentBytes.Length;
            var path = Encoding.UTF8.GetBytes("/x/" + sample);

            var end = RoutePath.Int32SegmentEnd(path, 3, out var actual);

            Assert.True(expectedOk == end >= 0, $"'{sample}': Utf8Parser says {expectedOk}, Int32SegmentEnd returned {end}");
            if (expectedOk)
            {
                Assert.Equal(3 + segmentBytes.Length, end);
                Assert.Equal(expected, actual);
            }
        }
    }
}
