using System.Runtime.CompilerServices;

namespace HyperRoute.Routing;

/// <summary>
/// Which of many literals a segment of a path is (its position among them) and where the segment ends, in one 64-bit
/// word, so that a generated method returns both in a register. <see cref="End"/> is -1 when the segment is none of them.
/// </summary>
public readonly struct LiteralSegment
{
    private readonly ulong _bits;

    /// <summary>The segment is the literal at <paramref name="position"/> and ends at <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LiteralSegment(int position, int end) => _bits = ((ulong)(uint)position << 32) | (uint)end;

    /// <summary>The segment is none of the literals.</summary>
    public static LiteralSegment None
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(-1, -1);
    }

    /// <summary>The literal's position among them.</summary>
    public int Position
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (int)(_bits >> 32);
    }

    /// <summary>The index of the <c>/</c> after the segment, or the length of the path; -1 when it is none of the literals.</summary>
    public int End
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (int)(uint)_bits;
    }
}
