using System;

namespace HyperRoute.Messaging;

/// <summary>
/// How frames are delimited on a stream: a length prefix of 2 or 4 bytes in a given byte order, then that many bytes.
/// One format serves both ends: a <see cref="Sources.FramedTcpSource{THandler}"/> reads it and a
/// <see cref="Destinations.TcpPeer"/> writes it.
/// <c>default(FrameFormat)</c> is <see cref="Default"/>: a 4-byte big-endian prefix, frames up to 64 KiB, empty
/// frames allowed.
/// </summary>
/// <remarks>
/// The fields are stored so that their zero values mean the defaults, which is why a <c>default</c> value is usable.
/// </remarks>
public readonly struct FrameFormat : IEquatable<FrameFormat>
{
    /// <summary>The default maximum frame size (the bytes after the prefix): 64 KiB.</summary>
    public const int DefaultMaxFrameSize = 64 * 1024;

    /// <summary>The largest maximum frame size a format accepts: 64 MiB.</summary>
    public const int LargestMaxFrameSize = 64 * 1024 * 1024;

    private readonly bool _twoBytePrefix;
    private readonly bool _littleEndian;
    private readonly bool _rejectEmptyFrames;
    private readonly int _maxFrameSize; // 0: DefaultMaxFrameSize

    /// <summary>A 4-byte big-endian prefix, frames up to 64 KiB, empty frames allowed.</summary>
    public static FrameFormat Default => default;

    /// <summary>The size of the length prefix: 2 or 4 bytes (default 4).</summary>
    /// <exception cref="ArgumentOutOfRangeException">On any other value.</exception>
    public int PrefixSize
    {
        get => _twoBytePrefix ? 2 : 4;
        init => _twoBytePrefix = value switch
        {
            2 => true,
            4 => false,
            _ => throw new ArgumentOutOfRangeException(nameof(PrefixSize), value, "A length prefix is 2 or 4 bytes."),
        };
    }

    /// <summary>The byte order of the length prefix (default <see cref="Endian.Big"/>, network order).</summary>
    public Endian Endian
    {
        get => _littleEndian ? Endian.Little : Endian.Big;
        init => _littleEndian = value switch
        {
            Endian.Big => false,
            Endian.Little => true,
            _ => throw new ArgumentOutOfRangeException(nameof(Endian), value, "Big or Little."),
        };
    }

    /// <summary>
    /// The largest frame accepted, not counting the prefix (default 64 KiB, at most 64 MiB). A prefix that declares
    /// more is an error (<see cref="Sources.FrameStatus.Oversize"/>) as soon as the prefix has arrived, before any of the
    /// frame is buffered. With a 2-byte prefix no frame can exceed 65,535 bytes whatever this says.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When not between 1 and <see cref="LargestMaxFrameSize"/>.</exception>
    public int MaxFrameSize
    {
        get => _maxFrameSize == 0 ? DefaultMaxFrameSize : _maxFrameSize;
        init => _maxFrameSize = value is >= 1 and <= LargestMaxFrameSize
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxFrameSize), value, "Between 1 byte and 64 MiB.");
    }

    /// <summary>
    /// Whether a prefix of 0 is a frame (an empty one, delivered as an empty span: a heartbeat, say) or an error
    /// (<see cref="Sources.FrameStatus.EmptyFrame"/>). Default: allowed.
    /// </summary>
    public bool AllowEmptyFrames
    {
        get => !_rejectEmptyFrames;
        init => _rejectEmptyFrames = !value;
    }

    /// <summary>The most bytes one frame occupies on the wire: the prefix and the largest frame.</summary>
    public int MaxWireSize => PrefixSize + (_twoBytePrefix ? Math.Min(MaxFrameSize, ushort.MaxValue) : MaxFrameSize);

    /// <inheritdoc />
    public bool Equals(FrameFormat other) =>
        _twoBytePrefix == other._twoBytePrefix && _littleEndian == other._littleEndian
        && _rejectEmptyFrames == other._rejectEmptyFrames && MaxFrameSize == other.MaxFrameSize;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FrameFormat other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_twoBytePrefix, _littleEndian, _rejectEmptyFrames, MaxFrameSize);

    /// <inheritdoc />
    public override string ToString() =>
        $"{PrefixSize}-byte {Endian}-endian prefix, frames up to {MaxFrameSize} bytes, empty frames {(AllowEmptyFrames ? "allowed" : "rejected")}";

    /// <summary>Whether two formats are the same.</summary>
    public static bool operator ==(FrameFormat left, FrameFormat right) => left.Equals(right);

    /// <summary>Whether two formats differ.</summary>
    public static bool operator !=(FrameFormat left, FrameFormat right) => !left.Equals(right);
}
