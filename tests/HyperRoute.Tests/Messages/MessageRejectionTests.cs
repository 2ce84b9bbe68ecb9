using System;
using Xunit;

namespace HyperRoute.Tests.Messages;

/// <summary>Input a message cannot take reads as false with nothing consumed; a message that does not fit writes nothing.</summary>
public sealed class MessageRejectionTests
{
    private static byte[] ValidStatus()
    {
        var message = new DeviceStatus { Mode = Mode.On, Online = true, Tag = "ABCD"u8.ToArray(), Name = "name"u8.ToArray(), Note = "note"u8.ToArray() };
        var buffer = new byte[message.GetSize()];
        Assert.True(message.TryWrite(buffer, out _));
        return buffer;
    }

    [Fact]
    public void Truncated_telemetry_at_every_length_does_not_read()
    {
        var buffer = new byte[Telemetry.FixedSize];
        new Telemetry { Kind = 1, DeviceId = 2, Value = 3, Timestamp = 4 }.TryWrite(buffer, out _);
        for (var length = 0; length < buffer.Length; length++)
        {
            Assert.False(Telemetry.TryRead(buffer.AsSpan(0, length), out var message, out var consumed));
            Assert.Equal(0, consumed);
            Assert.Equal(default, message);
        }
    }

    [Fact]
    public void Truncated_device_status_at_every_length_does_not_read()
    {
        var buffer = ValidStatus();
        for (var length = 0; length < buffer.Length; length++)
        {
            Assert.False(DeviceStatus.TryRead(buffer.AsMemory(0, length), out var message, out var consumed));
            Assert.Equal(0, consumed);
            Assert.True(message.Name.IsEmpty && message.Mode == Mode.Off);
        }

        Assert.True(DeviceStatus.TryRead(buffer, out _, out var all));
        Assert.Equal(buffer.Length, all);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(255)]
    public void A_bool_byte_other_than_0_or_1_does_not_read(byte value)
    {
        var buffer = ValidStatus();
        buffer[1] = value;

        Assert.False(DeviceStatus.TryRead(buffer, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void An_enum_value_that_is_not_defined_does_not_read(byte value)
    {
        var buffer = ValidStatus();
        buffer[0] = value;

        Assert.False(DeviceStatus.TryRead(buffer, out _, out _));
    }

    [Fact]
    public void A_flags_enum_reads_any_value()
    {
        var message = new DeviceStatus { Tag = "ABCD"u8.ToArray(), Capabilities = (Capabilities)0x7FF0 };
        var buffer = new byte[message.GetSize()];
        message.TryWrite(buffer, out _);

        Assert.True(DeviceStatus.TryRead(buffer, out var read, out _));
        Assert.Equal((Capabilities)0x7FF0, read.Capabilities);
    }

    [Fact]
    public void A_prefix_longer_than_the_remaining_input_does_not_read()
    {
        var buffer = ValidStatus();
        buffer[6] = 200; // Name's UInt16 length, little-endian: 200 bytes, but far fewer remain

        Assert.False(DeviceStatus.TryRead(buffer, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Writing_into_a_span_too_small_writes_nothing()
    {
        var telemetry = new Telemetry { Kind = 1 };
        Assert.False(telemetry.TryWrite(new byte[Telemetry.FixedSize - 1], out var written));
        Assert.Equal(0, written);

        var status = new DeviceStatus { Tag = "ABCD"u8.ToArray(), Name = "name"u8.ToArray() };
        var small = new byte[status.GetSize() - 1];
        Assert.False(status.TryWrite(small, out written));
        Assert.Equal(0, written);
        Assert.All(small, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_fixed_length_byte_string_of_another_length_does_not_write()
    {
        var message = new DeviceStatus { Tag = "ABC"u8.ToArray() };

        Assert.False(message.TryWrite(new byte[100], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void A_prefixed_byte_string_longer_than_its_prefix_can_state_does_not_write()
    {
        var message = new DeviceStatus { Tag = "ABCD"u8.ToArray(), Note = new byte[256] };

        Assert.False(message.TryWrite(new byte[1000], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Reading_a_fixed_32_byte_message_from_a_span_allocates_nothing()
    {
        var buffer = new byte[Sample32.FixedSize];
        Assert.Equal(32, buffer.Length);
        new Sample32 { Kind = 1, DeviceId = 2, Value = 3.5, Timestamp = 4, Sequence = 5 }.TryWrite(buffer, out _);
        ReadAll(buffer); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = ReadAll(buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(10_000L * 5, total);
        Assert.Equal(0, allocated);
    }

    private static long ReadAll(byte[] buffer)
    {
        ReadOnlySpan<byte> span = buffer;
        long total = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (Sample32.TryRead(span, out var message, out _))
            {
                total += message.Sequence;
            }
        }

        return total;
    }
}
