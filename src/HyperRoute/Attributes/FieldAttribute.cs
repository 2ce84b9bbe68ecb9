using System;

namespace HyperRoute;

/// <summary>
/// Puts an instance field or settable property of a <see cref="MessageAttribute"/> struct on the wire, at position
/// <c>order</c> among the message's fields (ascending; orders need not be contiguous but must be distinct).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FieldAttribute : Attribute
{
    /// <summary>Places the member at position <paramref name="order"/>.</summary>
    /// <param name="order">The member's position among the message's fields.</param>
    public FieldAttribute(int order) => Order = order;

    /// <summary>The member's position among the message's fields.</summary>
    public int Order { get; }

    /// <summary>
    /// For a <c>ReadOnlyMemory&lt;byte&gt;</c> byte string of fixed length: the number of bytes (positive). A message
    /// whose value has another length does not write. Not with <see cref="Prefix"/>.
    /// </summary>
    public int Length { get; set; }

    /// <summary>
    /// For a length-prefixed <c>ReadOnlyMemory&lt;byte&gt;</c> byte string: the size of the length written before it,
    /// in the message's byte order. A value longer than the prefix can express does not write. Not with <see cref="Length"/>.
    /// </summary>
    public LengthPrefix Prefix { get; set; }
}
