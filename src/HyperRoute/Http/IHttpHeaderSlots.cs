using System;

namespace HyperRoute.Http;

/// <summary>
/// The request headers a router binds, as a compile-time table: the generator implements it on each router's
/// <c>HttpEndpoint</c> with a <c>switch</c> over header-name lengths and bytes. The parser is generic over it,
/// so the JIT specialises the parser per router: bound headers are captured as slices, all others are
/// validated and skipped.
/// </summary>
public interface IHttpHeaderSlots
{
    /// <summary>How many headers the router binds; slot numbers run from 0 to this count minus one.</summary>
    static abstract int HeaderSlotCount { get; }

    /// <summary>The slot of the header <paramref name="name"/> (any ASCII case), or -1 when no route binds it.</summary>
    static abstract int HeaderSlot(ReadOnlySpan<byte> name);
}
