using System;
using System.Runtime.InteropServices;
using HyperRoute.Messaging;
using HyperRoute.Tests.Messages;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Messaging;

/// <summary>
/// The generated <c>[Message]</c> readers on random and mutated bytes (fixed seeds): they never throw — a bad input is
/// <c>TryRead</c> returning <see langword="false"/> with nothing consumed and a default message — and never read past
/// their input. Each input is read twice: from an array of exactly its length (any read past it throws), and from a
/// slice of a larger buffer followed by a guard region of other bytes (the outcome must be the same, and byte strings
/// must lie inside the slice). A message read is written back and must give exactly the bytes it consumed.
/// </summary>
public sealed class MessageReaderFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 50_000;
    private const int Guard = 64;

    [Fact]
    public void Telemetry_reader_never_throws_or_reads_past_its_input() => Fuzz<Telemetry>(1001, ValidTelemetry);

    [Fact]
    public void Fixed_32_byte_reader_never_throws_or_reads_past_its_input() => Fuzz<Sample32>(1002, random =>
        Write(new Sample32 { Kind = (ushort)random.Next(), Flags = (ushort)random.Next(), DeviceId = (uint)random.Next(), Value = random.NextDouble(), Timestamp = random.NextInt64(), Quality = random.NextSingle(), Sequence = random.Next() }));

    [Fact]
    public void Little_endian_nested_reader_never_throws_or_reads_past_its_input() => Fuzz<Point>(1003, random => Write(new Point { X = random.Next(), Y = -random.Next() }));

    [Fact]
    public void Reader_with_enums_bools_and_byte_strings_never_throws_or_reads_past_its_input()
    {
        var random = new Random(1004);
        int read = 0, refused = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var input = Input(random, ValidDeviceStatus);

            // From an exact-length array: a read past the end would throw.
            var exact = (byte[])input.Clone(); // exactly its length
            bool okExact;
            DeviceStatus fromExact;
            int consumedExact;
            try
            {
                okExact = DeviceStatus.TryRead(exact.AsMemory(), out fromExact, out consumedExact);
            }
            catch (Exception e)
            {
                Assert.Fail($"Input {i} ({Hex(input)}): {e.GetType().Name}: {e.Message}");
                throw;
            }

            // From a slice of a larger buffer, before a guard region of other bytes.
            foreach (var guard in new byte[] { 0x00, 0xFF })
            {
                var (buffer, start) = Guarded(input, guard);
                var ok = DeviceStatus.TryRead(buffer.AsMemory(start, input.Length), out var message, out var consumed);
                Assert.Equal(okExact, ok);
                Assert.Equal(consumedExact, consumed);
                if (ok)
                {
                    foreach (var bytes in new[] { message.Tag, message.Name, message.Note })
                    {
                        Assert.True(MemoryMarshal.TryGetArray(bytes, out var segment) && ReferenceEquals(segment.Array, buffer));
                        Assert.True(segment.Offset >= start && segment.Offset + segment.Count <= start + consumed, $"Input {i}: a byte string lies outside the bytes read.");
                    }

                    Assert.Equal(Write(fromExact), Write(message));
                }
            }

            Check(i, input, okExact, fromExact, consumedExact, ref read, ref refused);
        }

        output.WriteLine($"DeviceStatus, seed 1004: {Inputs} inputs, {read} read, {refused} refused");
        Assert.True(read > Inputs / 10 && refused > Inputs / 10, "The fuzz did not exercise both outcomes.");
    }

    private void Fuzz<T>(int seed, Func<Random, byte[]> valid)
        where T : struct, IMessage<T>
    {
        var random = new Random(seed);
        int read = 0, refused = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var input = Input(random, valid);
            var exact = (byte[])input.Clone(); // exactly its length
            bool okExact;
            T fromExact;
            int consumedExact;
            try
            {
                okExact = T.TryRead(exact, out fromExact, out consumedExact);
            }
            catch (Exception e)
            {
                Assert.Fail($"{typeof(T).Name} input {i} ({Hex(input)}): {e.GetType().Name}: {e.Message}");
                throw;
            }

            foreach (var guard in new byte[] { 0x00, 0xFF })
            {
                var (buffer, start) = Guarded(input, guard);
                var ok = T.TryRead(buffer.AsSpan(start, input.Length), out var message, out var consumed);
                Assert.Equal(okExact, ok);
                Assert.Equal(consumedExact, consumed);
                if (ok)
                {
                    Assert.Equal(Write(fromExact), Write(message));
                }
            }

            Check(i, input, okExact, fromExact, consumedExact, ref read, ref refused);
        }

        output.WriteLine($"{typeof(T).Name}, seed {seed}: {Inputs} inputs, {read} read, {refused} refused");
        Assert.True(read > Inputs / 10 && refused > Inputs / 10, "The fuzz did not exercise both outcomes.");
    }

    // The contract on one outcome: refused means nothing consumed and a default message; read means the message
    // takes at most the input and writes back exactly the bytes it took.
    private static void Check<T>(int i, byte[] input, bool ok, T message, int consumed, ref int read, ref int refused)
        where T : struct, IMessage<T>
    {
        if (!ok)
        {
            Assert.Equal(0, consumed);
            Assert.True(System.Collections.Generic.EqualityComparer<T>.Default.Equals(default, message), $"{typeof(T).Name} input {i}: a refused read left a message behind.");
            refused++;
            return;
        }

        Assert.InRange(consumed, 0, input.Length);
        Assert.True(input.AsSpan(0, consumed).SequenceEqual(Write(message)), $"{typeof(T).Name} input {i} ({Hex(input)}): the message does not write back the {consumed} bytes it read.");
        read++;
    }

    // Random bytes of a random length, or a valid encoding (often with more bytes after it), possibly mutated.
    private static byte[] Input(Random random, Func<Random, byte[]> valid)
    {
        if (random.Next(3) == 0)
        {
            var noise = new byte[random.Next(0, 80)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = new System.Collections.Generic.List<byte>(valid(random));
        if (random.Next(3) == 0)
        {
            var tail = new byte[random.Next(1, 16)];
            random.NextBytes(tail);
            bytes.AddRange(tail);
        }

        for (var m = random.Next(10) < 4 ? 0 : random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)random.Next(1, 256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static byte[] ValidTelemetry(Random random)
        => Write(new Telemetry { Kind = (ushort)random.Next(0, 10), DeviceId = (uint)random.Next(), Value = random.NextDouble() * 100, Timestamp = random.NextInt64() });

    private static byte[] ValidDeviceStatus(Random random)
    {
        var modes = new[] { Mode.Off, Mode.On, Mode.Auto, Mode.Service };
        var name = new byte[random.Next(0, 40)];
        var note = new byte[random.Next(0, 20)];
        var tag = new byte[4];
        random.NextBytes(name);
        random.NextBytes(note);
        random.NextBytes(tag);
        return Write(new DeviceStatus
        {
            Mode = modes[random.Next(modes.Length)],
            Online = random.Next(2) == 1,
            Tag = tag,
            Name = name,
            Position = new Point { X = random.Next(), Y = random.Next() },
            Capabilities = (Capabilities)random.Next(short.MinValue, short.MaxValue),
            Note = note,
            Trend = (sbyte)random.Next(-128, 128),
        });
    }

    private static byte[] Write<T>(T message)
        where T : struct, IMessage<T>
    {
        var bytes = new byte[message.GetSize()];
        Assert.True(message.TryWrite(bytes, out var written));
        Assert.Equal(bytes.Length, written);
        return bytes;
    }

    // The input at an odd offset inside a buffer, guard bytes before and after it.
    private static (byte[] Buffer, int Start) Guarded(byte[] input, byte guard)
    {
        const int Start = 7;
        var buffer = new byte[Start + input.Length + Guard];
        buffer.AsSpan().Fill(guard);
        input.CopyTo(buffer, Start);
        return (buffer, Start);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
