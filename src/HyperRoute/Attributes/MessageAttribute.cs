using System;

namespace HyperRoute;

/// <summary>
/// Marks a <c>partial struct</c> as a binary message. The HyperRoute generator lays out its <see cref="FieldAttribute"/>
/// members in order and emits <c>TryRead</c>, <c>TryWrite</c> and <c>GetSize</c> into the struct, written with
/// <c>System.Buffers.Binary.BinaryPrimitives</c>: no reflection, no allocation, byte strings sliced from the input.
/// </summary>
/// <remarks>
/// Supported field types: <c>byte</c>, <c>sbyte</c>, <c>short</c>, <c>ushort</c>, <c>int</c>, <c>uint</c>, <c>long</c>,
/// <c>ulong</c>, <c>float</c>, <c>double</c>, <c>bool</c> (one byte, 0 or 1), enums (their underlying integer; only
/// defined values read, unless the enum is <c>[Flags]</c>), <c>ReadOnlyMemory&lt;byte&gt;</c> byte strings (with
/// <see cref="FieldAttribute.Length"/> or <see cref="FieldAttribute.Prefix"/>) and other <c>[Message]</c> structs of the
/// same assembly, read and written inline in their own endianness. See <c>docs/messages.md</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class MessageAttribute : Attribute
{
    /// <summary>Marks the struct as a message whose multi-byte values are in <paramref name="endian"/> byte order.</summary>
    /// <param name="endian">The byte order of every multi-byte value and length prefix; network order (big-endian) by default.</param>
    public MessageAttribute(Endian endian = Endian.Big) => Endian = endian;

    /// <summary>The byte order of the message's multi-byte values and length prefixes.</summary>
    public Endian Endian { get; }
}
