using System;
using System.Collections.Generic;
using System.Text;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>
/// The length-prefixed framing as a pure function: complete frames, "need more", and the malformed prefixes, for
/// every prefix size and byte order, over buffers split anywhere.
/// </summary>
public sealed class FrameReaderTests
{
    public static TheoryData<int, Endian> Formats => new() { { 2, Endian.Big }, { 2, Endian.Little }, { 4, Endian.Big }, { 4, Endian.Little } };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_complete_frame_is_read_without_its_prefix(int prefixSize, Endian endian)
    {
        var format = new FrameFormat { PrefixSize = prefixSize, Endian = endian };
        var bytes = Frames.Encode(format, Frames.Text("hello"));

        var status = FrameReader.Read(bytes, format, out var frame, out var consumed, out var required, out var declared);

        Assert.Equal(FrameStatus.Complete, status);
        Assert.Equal("hello", Encoding.UTF8.GetString(frame));
        Assert.Equal(prefixSize + 5, consumed);
        Assert.Equal(0, required);
        Assert.Equal(5, declared);
    }

    [Theory]
    [InlineData(2, Endian.Big, new byte[] { 0x01, 0x02 }, 0x0102)]
    [InlineData(2, Endian.Little, new byte[] { 0x01, 0x02 }, 0x0201)]
    [InlineData(4, Endian.Big, new byte[] { 0x00, 0x00, 0x01, 0x02 }, 0x0102)]
    [InlineData(4, Endian.Little, new byte[] { 0x02, 0x01, 0x00, 0x00 }, 0x0102)]
    public void The_prefix_is_read_in_the_configured_byte_order(int prefixSize, Endian endian, byte[] prefix, int expected)
    {
        var format = new FrameFormat { PrefixSize = prefixSize, Endian = endian };

        var status = FrameReader.Read(prefix, format, out _, out _, out var required, out var declared);

        Assert.Equal(FrameStatus.NeedMore, status);
        Assert.Equal(expected, declared);
        Assert.Equal(prefixSize + expected, required);
    }

    [Fact]
    public void Fewer_bytes_than_the_prefix_need_more_and_ask_for_the_prefix()
    {
        var status = FrameReader.Read([0, 0, 1], default, out var frame, out var consumed, out var required, out _);

        Assert.Equal(FrameStatus.NeedMore, status);
        Assert.True(frame.IsEmpty);
        Assert.Equal(0, consumed);
        Assert.Equal(4, required);
    }

    [Fact]
    public void An_empty_buffer_needs_more()
    {
        Assert.Equal(FrameStatus.NeedMore, FrameReader.Read([], default, out _, out _, out var required, out _));
        Assert.Equal(4, required);
    }

    [Fact]
    public void Many_frames_in_one_buffer_are_read_in_order_and_the_incomplete_tail_is_left()
    {
        var bytes = Frames.Encode("one", "", "three", "four");
        var withTail = new byte[bytes.Length + 6];
        bytes.CopyTo(withTail, 0);
        withTail[bytes.Length + 3] = 9; // a prefix announcing 9 bytes, and 2 of them

        var reader = new FrameReader(withTail, default);
        var texts = new List<string>();
        while (reader.TryReadNext(out var frame))
        {
            texts.Add(Encoding.UTF8.GetString(frame));
        }

        Assert.Equal(["one", "", "three", "four"], texts);
        Assert.Equal(FrameStatus.NeedMore, reader.Status);
        Assert.Equal(bytes.Length, reader.Consumed);
        Assert.Equal(4 + 9, reader.Required);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_stream_split_at_every_byte_boundary_yields_the_same_frames(int prefixSize, Endian endian)
    {
        var format = new FrameFormat { PrefixSize = prefixSize, Endian = endian };
        var expected = new[] { "a", "", "frame number three", new string('x', 300), "z" };
        var stream = Frames.Encode(format, Array.ConvertAll(expected, Frames.Text));

        for (var split = 0; split <= stream.Length; split++)
        {
            Assert.Equal(expected, ReadInTwoReceives(stream, split, format));
        }
    }

    [Fact]
    public void A_stream_received_one_byte_at_a_time_yields_every_frame_once()
    {
        var expected = new[] { "alpha", "beta", "", "gamma" };
        var stream = Frames.Encode(expected);
        var received = new List<byte>();
        var texts = new List<string>();

        foreach (var b in stream)
        {
            received.Add(b);
            var reader = new FrameReader(received.ToArray(), default);
            while (reader.TryReadNext(out var frame))
            {
                texts.Add(Encoding.UTF8.GetString(frame));
            }

            Assert.Equal(FrameStatus.NeedMore, reader.Status);
            received.RemoveRange(0, reader.Consumed);
        }

        Assert.Equal(expected, texts);
        Assert.Empty(received);
    }

    [Fact]
    public void A_prefix_over_the_maximum_is_oversize_as_soon_as_the_prefix_is_in()
    {
        var format = new FrameFormat { MaxFrameSize = 100 };

        var status = FrameReader.Read([0, 0, 0, 101], format, out _, out var consumed, out var required, out var declared);

        Assert.Equal(FrameStatus.Oversize, status);
        Assert.Equal(101, declared);
        Assert.Equal(0, consumed);
        Assert.Equal(0, required);
    }

    [Fact]
    public void A_prefix_at_the_maximum_is_a_frame()
    {
        var format = new FrameFormat { MaxFrameSize = 100 };
        var bytes = Frames.Encode(format, new byte[100]);

        Assert.Equal(FrameStatus.Complete, FrameReader.Read(bytes, format, out var frame, out _, out _, out _));
        Assert.Equal(100, frame.Length);
    }

    [Fact]
    public void The_largest_four_byte_prefix_is_oversize_not_a_negative_length()
    {
        Assert.Equal(FrameStatus.Oversize, FrameReader.Read([0xFF, 0xFF, 0xFF, 0xFF], default, out _, out _, out _, out var declared));
        Assert.Equal(uint.MaxValue, declared);
    }

    [Fact]
    public void After_an_error_the_reader_stays_in_error_and_keeps_what_it_read()
    {
        var good = Frames.Encode("ok");
        var bytes = new byte[good.Length + 4];
        good.CopyTo(bytes, 0);
        bytes[good.Length] = 0x7F; // 0x7F000000 bytes: oversize

        var reader = new FrameReader(bytes, default);
        Assert.True(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));

        Assert.Equal(FrameStatus.Oversize, reader.Status);
        Assert.Equal(good.Length, reader.Consumed);
    }

    [Fact]
    public void Empty_frames_are_frames_by_default()
    {
        Assert.Equal(FrameStatus.Complete, FrameReader.Read([0, 0, 0, 0], default, out var frame, out var consumed, out _, out _));
        Assert.True(frame.IsEmpty);
        Assert.Equal(4, consumed);
    }

    [Fact]
    public void Empty_frames_are_an_error_when_the_format_forbids_them()
    {
        var format = new FrameFormat { AllowEmptyFrames = false };

        Assert.Equal(FrameStatus.EmptyFrame, FrameReader.Read([0, 0, 0, 0], format, out _, out _, out _, out _));
    }

    [Fact]
    public void The_default_format_is_a_four_byte_big_endian_prefix_up_to_64_KiB_with_empty_frames()
    {
        var format = default(FrameFormat);

        Assert.Equal(4, format.PrefixSize);
        Assert.Equal(Endian.Big, format.Endian);
        Assert.Equal(65536, format.MaxFrameSize);
        Assert.True(format.AllowEmptyFrames);
        Assert.Equal(FrameFormat.Default, format);
        Assert.Equal(4 + 65536, format.MaxWireSize);
    }

    [Fact]
    public void A_two_byte_prefix_caps_the_wire_size_at_what_it_can_state()
    {
        var format = new FrameFormat { PrefixSize = 2, MaxFrameSize = 1_000_000 };

        Assert.Equal(2 + 65535, format.MaxWireSize);
        Assert.False(FrameReader.TryWritePrefix(new byte[2], 65536, format));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Prefix_sizes_other_than_two_and_four_are_refused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameFormat { PrefixSize = size });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(FrameFormat.LargestMaxFrameSize + 1)]
    public void Maximum_frame_sizes_out_of_range_are_refused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameFormat { MaxFrameSize = size });

    [Fact]
    public void Reading_allocates_nothing()
    {
        var stream = Frames.Encode("one", "two", "three");
        var frames = 0;
        Measure(stream, ref frames); // warm up: the same loop, so that tiering and on-stack replacement happen here
        var allocated = Measure(stream, ref frames);

        Assert.Equal(0, allocated);
        Assert.Equal(60_000, frames);

        static long Measure(ReadOnlySpan<byte> stream, ref int frames)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                Read(stream, ref frames);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        static void Read(ReadOnlySpan<byte> stream, ref int frames)
        {
            var reader = new FrameReader(stream, default);
            while (reader.TryReadNext(out _))
            {
                frames++;
            }
        }
    }

    private static List<string> ReadInTwoReceives(byte[] stream, int split, FrameFormat format)
    {
        var texts = new List<string>();
        var first = new FrameReader(stream.AsSpan(0, split), format);
        while (first.TryReadNext(out var frame))
        {
            texts.Add(Encoding.UTF8.GetString(frame));
        }

        Assert.Equal(FrameStatus.NeedMore, first.Status);
        var second = new FrameReader(stream.AsSpan(first.Consumed), format); // the kept tail and the second receive
        while (second.TryReadNext(out var frame))
        {
            texts.Add(Encoding.UTF8.GetString(frame));
        }

        Assert.Equal(FrameStatus.NeedMore, second.Status);
        Assert.Equal(stream.Length - first.Consumed, second.Consumed);
        return texts;
    }
}
