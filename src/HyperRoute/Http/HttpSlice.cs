using System;
using System.Runtime.CompilerServices;

namespace HyperRoute.Http;

/// <summary>A range of the receive buffer: where a parsed element (method, target, a header value) lies. <see cref="Start"/> is -1 for an absent one.</summary>
public readonly record struct HttpSlice(int Start, int Length)
{
    /// <summary>The absent slice.</summary>
    public static HttpSlice None => new(-1, 0);

    /// <summary><see langword="true"/> when the element was present (possibly empty).</summary>
    public bool IsPresent => Start >= 0;

    /// <summary>The bytes of this slice in <paramref name="buffer"/>; empty when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> buffer) => Start < 0 ? default : buffer.Slice(Start, Length);
}
