using HyperRoute.Generators.Routing;
using System;

namespace HyperRoute.Generators.Messages;

/// <summary>What a message field is on the wire.</summary>
internal enum MessageFieldKind
{
    /// <summary>An integer of 1, 2, 4 or 8 bytes.</summary>
    Integer,

    /// <summary>A <c>float</c> or <c>double</c>.</summary>
    Float,

    /// <summary>One byte, 0 or 1.</summary>
    Bool,

    /// <summary>An enum as its underlying integer.</summary>
    Enum,

    /// <summary>A <c>ReadOnlyMemory&lt;byte&gt;</c> of a fixed length.</summary>
    FixedBytes,

    /// <summary>A <c>ReadOnlyMemory&lt;byte&gt;</c> after its length.</summary>
    PrefixedBytes,

    /// <summary>Another <c>[Message]</c> struct, inline.</summary>
    Message,
}

/// <summary>A run of defined enum values, <see cref="Low"/> to <see cref="High"/> inclusive, as C# literals.</summary>
internal sealed record EnumRange(string Low, string High);

/// <summary>One <c>[Field]</c> member of a message, as laid out. Value-equatable, no symbols.</summary>
internal sealed record MessageField
{
    /// <summary>The <c>[Field(order)]</c> position.</summary>
    public required int Order { get; init; }

    /// <summary>The member name, as written (escaped with <c>@</c> when it is a keyword).</summary>
    public required string Name { get; init; }

    public required MessageFieldKind Kind { get; init; }

    /// <summary>The member's type as generated code names it (<c>ushort</c>, <c>global::Ns.Mode</c>).</summary>
    public required string TypeName { get; init; }

    /// <summary>The member's type as comments show it (<c>ushort</c>, <c>Mode</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>).</summary>
    public required string TypeDisplay { get; init; }

    /// <summary>
    /// The <c>BinaryPrimitives</c> name of the integer or float on the wire (<c>UInt16</c>, <c>Double</c>): the value's,
    /// an enum's underlying type's, or a length prefix's; <see langword="null"/> for fixed byte strings and messages.
    /// </summary>
    public string? Primitive { get; init; }

    /// <summary>The C# keyword of <see cref="Primitive"/> (<c>ushort</c>).</summary>
    public string? PrimitiveKeyword { get; init; }

    /// <summary>
    /// The bytes the field always takes: its whole size when <see cref="IsFixed"/>, else what comes before its
    /// variable part (a length prefix's size, or 0 for a message of variable size).
    /// </summary>
    public required int Size { get; init; }

    /// <summary><see langword="true"/> when the field always takes <see cref="Size"/> bytes.</summary>
    public required bool IsFixed { get; init; }

    /// <summary>The defined values of an enum that is not <c>[Flags]</c>; empty when any value reads.</summary>
    public EquatableArray<EnumRange> EnumValues { get; init; } = EquatableArray<EnumRange>.Empty;

    /// <summary>The field is, or (a message) holds, a byte string: it is sliced from a <c>ReadOnlyMemory&lt;byte&gt;</c>.</summary>
    public bool HasByteStrings { get; init; }

    /// <summary>The name of a local that holds the field while it is read (<c>field3</c>), unique in the reader.</summary>
    public string LocalName => "field" + Order.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace("-", "_");
}
