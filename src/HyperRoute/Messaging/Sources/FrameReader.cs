using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// Reads length-prefixed frames from a byte buffer: a pure function over spans (<see cref="Read"/>), and a cursor
/// that walks every complete frame of a buffer and says where it stopped and why (<see cref="TryReadNext"/>).
/// Allocates nothing; a frame is a slice of the input, valid as long as the input is.
/// </summary>
/// <example>
/// <code>
/// var reader = new FrameReader(received, format);
/// while (reader.TryReadNext(out var frame)) { handle(frame); }
/// if (reader.Status is FrameStatus.NeedMore) { keep received[reader.Consumed..], receive at least reader.Required bytes in all }
/// else { the stream is malformed: reader.Status says how, reader.DeclaredLength what the prefix said }
/// </code>
/// </example>
public ref struct FrameReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly FrameFormat _format;

    /// <summary>A reader at the start of <paramref name="buffer"/>.</summary>
    public FrameReader(ReadOnlySpan<byte> buffer, FrameFormat format)
    {
        _buffer = buffer;
        _format = format;
        Status = FrameStatus.NeedMore;
    }

    /// <summary>
    /// Why the last <see cref="TryReadNext"/> returned what it did: <see cref="FrameStatus.Complete"/> after a frame,
    /// otherwise <see cref="FrameStatus.NeedMore"/> or an error. <see cref="FrameStatus.NeedMore"/> before the first call.
    /// </summary>
    public FrameStatus Status { get; private set; }

    /// <summary>The bytes of the complete frames read so far (prefixes included): where the next frame starts.</summary>
    public int Consumed { get; private set; }

    /// <summary>
    /// After <see cref="FrameStatus.NeedMore"/>: how many bytes, counted from <see cref="Consumed"/>, the next step
    /// needs (the prefix, or once the prefix is in, the prefix and the whole frame). Never more than
    /// <see cref="FrameFormat.MaxWireSize"/>.
    /// </summary>
    public int Required { get; private set; }

    /// <summary>After <see cref="FrameStatus.Oversize"/>: the length the prefix declared.</summary>
    public long DeclaredLength { get; private set; }

    /// <summary>
    /// Reads the next frame. <c>false</c> at the end of the complete frames (<see cref="Status"/> is then
    /// <see cref="FrameStatus.NeedMore"/>) or at a malformed prefix (an error status; every later call returns
    /// <c>false</c> with the same status).
    /// </summary>
    public bool TryReadNext(out ReadOnlySpan<byte> frame)
    {
        if (Status is FrameStatus.Oversize or FrameStatus.EmptyFrame)
        {
            frame = default;
            return false;
        }

        Status = Read(_buffer.Slice(Consumed), _format, out frame, out var consumed, out var required, out var declared);
        if (Status == FrameStatus.Complete)
        {
            Consumed += consumed;
            Required = 0;
            return true;
        }

        Required = required;
        DeclaredLength = declared;
        return false;
    }

    /// <summary>
    /// Reads one frame from the start of <paramref name="buffer"/>.
    /// </summary>
    /// <param name="buffer">The received bytes, starting at a frame boundary.</param>
    /// <param name="format">The prefix size, byte order and limits.</param>
    /// <param name="frame">The frame's bytes (a slice of <paramref name="buffer"/>) when complete; else empty.</param>
    /// <param name="consumed">When complete: the prefix and the frame. Otherwise 0.</param>
    /// <param name="required">When <see cref="FrameStatus.NeedMore"/>: the bytes the next step needs in all. Otherwise 0.</param>
    /// <param name="declaredLength">The length the prefix declared, once the prefix is in; else 0.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrameStatus Read(
        ReadOnlySpan<byte> buffer,
        FrameFormat format,
        out ReadOnlySpan<byte> frame,
        out int consumed,
        out int required,
        out long declaredLength)
    {
        frame = default;
        consumed = 0;
        required = 0;
        var prefixSize = format.PrefixSize;
        if (buffer.Length < prefixSize)
        {
            declaredLength = 0;
            required = prefixSize;
            return FrameStatus.NeedMore; // not even the prefix yet
        }

        declaredLength = ReadPrefix(buffer, prefixSize, format.Endian);
        if (declaredLength > format.MaxFrameSize)
        {
            return FrameStatus.Oversize;
        }

        if (declaredLength == 0 && !format.AllowEmptyFrames)
        {
            return FrameStatus.EmptyFrame;
        }

        var total = prefixSize + (int)declaredLength;
        if (buffer.Length < total)
        {
            required = total;
            return FrameStatus.NeedMore; // the prefix is in, the frame is not (yet) complete
        }

        frame = buffer.Slice(prefixSize, (int)declaredLength);
        consumed = total;
        return FrameStatus.Complete;
    }

    /// <summary>Writes <paramref name="frameLength"/> as a prefix of <paramref name="format"/> (for senders and tests).</summary>
    /// <returns><c>false</c> when <paramref name="destination"/> is too short or the length cannot be a frame of the format.</returns>
    public static bool TryWritePrefix(Span<byte> destination, int frameLength, FrameFormat format)
    {
        if (destination.Length < format.PrefixSize || frameLength < 0 || frameLength > format.MaxFrameSize
            || (frameLength > ushort.MaxValue && format.PrefixSize == 2) || (frameLength == 0 && !format.AllowEmptyFrames))
        {
            return false;
        }

        switch (format.PrefixSize, format.Endian)
        {
            case (2, Endian.Big): BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)frameLength); break;
            case (2, _): BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)frameLength); break;
            case (_, Endian.Big): BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)frameLength); break;
            default: BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)frameLength); break;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long ReadPrefix(ReadOnlySpan<byte> buffer, int prefixSize, Endian endian) => (prefixSize, endian) switch
    {
        (2, Endian.Big) => BinaryPrimitives.ReadUInt16BigEndian(buffer),
        (2, _) => BinaryPrimitives.ReadUInt16LittleEndian(buffer),
        (_, Endian.Big) => BinaryPrimitives.ReadUInt32BigEndian(buffer),
        _ => BinaryPrimitives.ReadUInt32LittleEndian(buffer),
    };
}
