namespace HyperRoute;

/// <summary>How a byte string field of a <see cref="MessageAttribute"/> message states its length on the wire.</summary>
public enum LengthPrefix
{
    /// <summary>No prefix: the field is not length-prefixed (use <see cref="FieldAttribute.Length"/> for a fixed length).</summary>
    None = 0,

    /// <summary>One byte: up to 255 bytes follow.</summary>
    Byte = 1,

    /// <summary>An unsigned 16-bit length in the message's byte order: up to 65,535 bytes follow.</summary>
    UInt16 = 2,

    /// <summary>An unsigned 32-bit length in the message's byte order (reads accept at most what the input holds).</summary>
    UInt32 = 4,
}
