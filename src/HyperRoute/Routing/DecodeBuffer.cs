using System;
using System.Buffers;

namespace HyperRoute.Routing;

/// <summary>
/// Where percent-decoded route and query values live while a handler runs. It starts on a caller-owned span
/// and rents one array from <see cref="ArrayPool{T}.Shared"/> only when that span is too small, sized for the
/// whole request so it never needs a second; <see cref="Dispose"/> returns it. Requests without escapes
/// never touch it.
/// </summary>
public ref struct DecodeBuffer
{
    private Span<byte> _free;
    private byte[]? _rented;
    private readonly int _capacityHint;

    /// <summary>Creates a buffer over <paramref name="initial"/> (may be empty).</summary>
    /// <param name="initial">Caller-owned memory used first.</param>
    /// <param name="capacityHint">An upper bound of all the bytes that will be taken: path length plus query length.</param>
    public DecodeBuffer(Span<byte> initial, int capacityHint)
    {
        _free = initial;
        _rented = null;
        _capacityHint = capacityHint;
    }

    /// <summary>Takes <paramref name="length"/> bytes that stay valid until <see cref="Dispose"/>.</summary>
    public Span<byte> Take(int length)
    {
        if (_free.Length < length)
        {
            if (_rented is not null)
            {
                throw new InvalidOperationException(
                    $"DecodeBuffer was asked for {length} bytes beyond its capacity hint of {_capacityHint}; the hint must bound every decoded value.");
            }

            _rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, _capacityHint));
            _free = _rented;
        }

        var taken = _free.Slice(0, length);
        _free = _free.Slice(length);
        return taken;
    }

    /// <summary>Returns the rented array, if any. Spans taken from this buffer are invalid afterwards.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
            _free = default;
        }
    }
}
