using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace HyperRoute.Http.WebSockets;

/// <summary>The opcodes of RFC 6455 §5.2.</summary>
internal static class Opcode
{
    public const byte Continuation = 0x0;
    public const byte Text = 0x1;
    public const byte Binary = 0x2;
    public const byte Close = 0x8;
    public const byte Ping = 0x9;
    public const byte Pong = 0xA;

    public static bool IsControl(byte opcode) => (opcode & 0x8) != 0;

    public static bool IsKnown(byte opcode) => opcode is Continuation or Text or Binary or Close or Ping or Pong;
}

/// <summary>A frame header as read off the wire (RFC 6455 §5.2).</summary>
internal readonly struct FrameHeader(bool fin, byte reserved, byte opcode, bool masked, ulong payloadLength, int length, uint mask)
{
    public bool Fin { get; } = fin;

    /// <summary>The RSV1-3 bits; non-zero only with an extension, and none is negotiated.</summary>
    public byte Reserved { get; } = reserved;

    public byte Opcode { get; } = opcode;

    public bool Masked { get; } = masked;

    public ulong PayloadLength { get; } = payloadLength;

    /// <summary>The header's own length: 2 to 14 bytes.</summary>
    public int Length { get; } = length;

    /// <summary>The masking key, as its four bytes lie in memory.</summary>
    public uint Mask { get; } = mask;
}

/// <summary>Reading, writing and unmasking frames: pure functions over spans.</summary>
internal static class WebSocketFrame
{
    /// <summary>The longest header the server writes (an unmasked frame with a 64-bit length).</summary>
    public const int MaxServerHeaderLength = 10;

    /// <summary>The longest header a client sends (masked, 64-bit length).</summary>
    public const int MaxClientHeaderLength = 14;

    /// <summary>
    /// Reads the header at the start of <paramref name="bytes"/>: <see langword="false"/> when more bytes are
    /// needed, or when the length is invalid (its most significant bit set), which <paramref name="invalid"/> says.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> bytes, out FrameHeader header, out bool invalid)
    {
        header = default;
        invalid = false;
        if (bytes.Length < 2)
        {
            return false;
        }

        var first = bytes[0];
        var second = bytes[1];
        var masked = (second & 0x80) != 0;
        ulong length = (uint)(second & 0x7F);
        var at = 2;
        if (length == 126)
        {
            if (bytes.Length < 4)
            {
                return false;
            }

            length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(2));
            at = 4;
        }
        else if (length == 127)
        {
            if (bytes.Length < 10)
            {
                return false;
            }

            length = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(2));
            if (length > long.MaxValue)
            {
                invalid = true; // RFC 6455 §5.2: the most significant bit MUST be 0
                return false;
            }

            at = 10;
        }

        uint mask = 0;
        if (masked)
        {
            if (bytes.Length < at + 4)
            {
                return false;
            }

            mask = MemoryMarshal.Read<uint>(bytes.Slice(at));
            at += 4;
        }

        header = new FrameHeader((first & 0x80) != 0, (byte)((first >> 4) & 0x7), (byte)(first & 0x0F), masked, length, at, mask);
        return true;
    }

    /// <summary>Writes an unmasked, final frame header for <paramref name="payloadLength"/> bytes; returns its length.</summary>
    public static int WriteHeader(Span<byte> destination, byte opcode, int payloadLength)
    {
        destination[0] = (byte)(0x80 | opcode);
        if (payloadLength < 126)
        {
            destination[1] = (byte)payloadLength;
            return 2;
        }

        if (payloadLength <= ushort.MaxValue)
        {
            destination[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)payloadLength);
            return 4;
        }

        destination[1] = 127;
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(2), (ulong)payloadLength);
        return 10;
    }

    /// <summary>The header length <see cref="WriteHeader"/> uses for <paramref name="payloadLength"/> bytes.</summary>
    public static int HeaderLength(int payloadLength) => payloadLength < 126 ? 2 : payloadLength <= ushort.MaxValue ? 4 : 10;

    /// <summary>XORs <paramref name="payload"/> with the masking key in place, a vector at a time (the key repeats every 4 bytes).</summary>
    public static void Unmask(Span<byte> payload, uint mask)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && payload.Length >= Vector<byte>.Count)
        {
            var key = Vector.AsVectorByte(new Vector<uint>(mask));
            var vectors = MemoryMarshal.Cast<byte, Vector<byte>>(payload);
            for (var v = 0; v < vectors.Length; v++)
            {
                vectors[v] ^= key;
            }

            i = vectors.Length * Vector<byte>.Count;
        }

        var wide = ((ulong)mask << 32) | mask;
        for (; i + 8 <= payload.Length; i += 8)
        {
            ref var chunk = ref Unsafe8(payload, i);
            chunk ^= wide;
        }

        for (; i < payload.Length; i++)
        {
            payload[i] ^= (byte)(mask >> (8 * (i & 3)));
        }
    }

    private static ref ulong Unsafe8(Span<byte> span, int at) => ref MemoryMarshal.Cast<byte, ulong>(span.Slice(at, 8))[0];

    /// <summary>A close code a peer may send (RFC 6455 §7.4: registered codes 1000-1003 and 1007-1014, private 3000-4999).</summary>
    public static bool IsValidCloseCode(int code)
        => code is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999);
}
