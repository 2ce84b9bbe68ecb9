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
    public void Counting_and_splitting_agree_with_a_plain_split(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        var expected = path == "/" ? new List<string>() : new List<string>(path[1..].Split('/'));

        var rest = new System.ReadOnlySpan<byte>(bytes, 1, bytes.Length - 1);
        var actual = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            actual.Add(Encoding.UTF8.GetString(RoutePath.NextSegment(ref rest)));
        }

        Assert.Equal(expected.Count, RoutePath.CountSegments(bytes));
        Assert.Equal(expected, actual);
        Assert.True(rest.IsEmpty);
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
}
