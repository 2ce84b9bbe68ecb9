using System;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messages;

/// <summary>Generated readers and writers agree with each other and with the wire format, byte for byte.</summary>
public sealed class MessageRoundTripTests
{
    private const int Iterations = 5_000;

    [Fact]
    public void Telemetry_round_trips_random_values()
    {
        var random = new Random(1234);
        var buffer = new byte[Telemetry.FixedSize];
        for (var i = 0; i < Iterations; i++)
        {
            var message = new Telemetry
            {
                Kind = (ushort)random.Next(ushort.MaxValue + 1),
                DeviceId = (uint)random.NextInt64(uint.MaxValue + 1L),
                Value = (random.NextDouble() - 0.5) * double.MaxValue,
                Timestamp = random.NextInt64(long.MinValue, long.MaxValue),
            };

            Assert.True(message.TryWrite(buffer, out var written));
            Assert.Equal(22, written);
            Assert.True(Telemetry.TryRead((ReadOnlySpan<byte>)buffer, out var read, out var consumed));
            Assert.Equal(22, consumed);
            Assert.Equal(message, read);
        }
    }

    [Fact]
    public void Device_status_round_trips_random_values()
    {
        var random = new Random(5678);
        var modes = new[] { Mode.Off, Mode.On, Mode.Auto, Mode.Service };
        var buffer = new byte[400];
        for (var i = 0; i < Iterations; i++)
        {
            var message = new DeviceStatus
            {
                Mode = modes[random.Next(modes.Length)],
                Online = random.Next(2) == 1,
                Tag = Bytes(random, 4),
                Name = Bytes(random, random.Next(100)),
                Position = new Point { X = random.Next(int.MinValue, int.MaxValue), Y = random.Next(int.MinValue, int.MaxValue) },
                Capabilities = (Capabilities)random.Next(short.MinValue, short.MaxValue + 1),
                Note = Bytes(random, random.Next(256)),
                Trend = (sbyte)random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
            };

            Assert.True(message.TryWrite(buffer, out var written));
            Assert.Equal(message.GetSize(), written);
            var input = new ReadOnlyMemory<byte>(buffer, 0, written);
            Assert.True(DeviceStatus.TryRead(input, out var read, out var consumed));
            Assert.Equal(written, consumed);
            Assert.Equal(message.Mode, read.Mode);
            Assert.Equal(message.Online, read.Online);
            Assert.Equal(message.Tag.ToArray(), read.Tag.ToArray());
            Assert.Equal(message.Name.ToArray(), read.Name.ToArray());
            Assert.Equal(message.Position, read.Position);
            Assert.Equal(message.Capabilities, read.Capabilities);
            Assert.Equal(message.Note.ToArray(), read.Note.ToArray());
            Assert.Equal(message.Trend, read.Trend);
        }
    }

    [Fact]
    public void Telemetry_is_written_big_endian()
    {
        var message = new Telemetry { Kind = 0x0102, DeviceId = 0x03040506, Value = 1.0, Timestamp = 0x0708090A0B0C0D0E };
        var buffer = new byte[Telemetry.FixedSize];

        Assert.True(message.TryWrite(buffer, out _));

        Assert.Equal(
            new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E },
            buffer);
    }

    [Fact]
    public void Device_status_is_written_little_endian_with_its_prefixes_and_nested_message_inline()
    {
        var message = new DeviceStatus
        {
            Mode = Mode.Service, Online = true, Tag = "ABCD"u8.ToArray(), Name = "hi"u8.ToArray(),
            Position = new Point { X = 0x01020304, Y = -1 }, Capabilities = Capabilities.Read | Capabilities.Write,
            Note = "n"u8.ToArray(), Trend = -2,
        };
        var buffer = new byte[message.GetSize()];

        Assert.True(message.TryWrite(buffer, out var written));

        Assert.Equal(buffer.Length, written);
        Assert.Equal(
            new byte[] { 7, 1, (byte)'A', (byte)'B', (byte)'C', (byte)'D', 2, 0, (byte)'h', (byte)'i', 4, 3, 2, 1, 0xFF, 0xFF, 0xFF, 0xFF, 3, 0, 1, (byte)'n', 0xFE },
            buffer);
    }

    [Fact]
    public void Byte_strings_are_slices_of_the_input()
    {
        var message = new DeviceStatus { Tag = "ABCD"u8.ToArray(), Name = "name"u8.ToArray() };
        var buffer = new byte[message.GetSize()];
        Assert.True(message.TryWrite(buffer, out _));

        Assert.True(DeviceStatus.TryRead(buffer, out var read, out _));

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(read.Name, out var segment));
        Assert.Same(buffer, segment.Array);
        Assert.Equal(8, segment.Offset);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Every_message_is_an_IMessage_that_generic_code_reads_and_writes()
    {
        var telemetry = new Telemetry { Kind = 3, DeviceId = 9, Value = 1.5, Timestamp = 4 };
        var status = new DeviceStatus { Mode = Mode.On, Tag = new byte[] { 1, 2, 3, 4 }, Name = "pump"u8.ToArray(), Note = Array.Empty<byte>() };

        Assert.Equal(telemetry, RoundTrip(telemetry));
        var read = RoundTrip(status); // the span reader of a message with byte strings reads a copy
        Assert.Equal("pump"u8.ToArray(), read.Name.ToArray());
        Assert.Equal(Mode.On, read.Mode);
    }

    private static T RoundTrip<T>(T message)
        where T : struct, IMessage<T>
    {
        var buffer = new byte[message.GetSize() + 3];
        Assert.True(message.TryWrite(buffer, out var written));
        Assert.Equal(message.GetSize(), written);
        Assert.True(T.TryRead(buffer, out var read, out var consumed));
        Assert.Equal(written, consumed);
        return read;
    }
}
