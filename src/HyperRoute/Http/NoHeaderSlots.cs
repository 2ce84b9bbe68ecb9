using System;

namespace HyperRoute.Http;

/// <summary>A router that binds no request headers; for hosts and tests that parse without one.</summary>
public readonly struct NoHeaderSlots : IHttpHeaderSlots
{
    /// <inheritdoc />
    public static int HeaderSlotCount => 0;

    /// <inheritdoc />
    public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;
}
