namespace HyperRoute;

/// <summary>The byte order of a <see cref="MessageAttribute"/>'s multi-byte values.</summary>
public enum Endian
{
    /// <summary>Most significant byte first (network byte order).</summary>
    Big = 0,

    /// <summary>Least significant byte first (the order of x86 and most ARM memory).</summary>
    Little = 1,
}
