using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace HyperRoute.Http;

/// <summary>
/// A growable byte buffer on <see cref="ArrayPool{T}.Shared"/>: written to, cleared and written again for the
/// life of a connection. A mutable struct: keep it in a field and call it there, never copy it.
/// </summary>
internal struct PooledBuffer
{
    private const int InitialSize = 4096;
    private byte[]? _array;
    private int _length;

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Written => _array.AsSpan(0, _length);

    public readonly ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_array is null || _array.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    public Span<byte> GetSpan(int sizeHint)
    {
        if (_array is null || _array.Length - _length < Math.Max(sizeHint, 1))
        {
            Grow(Math.Max(sizeHint, 1));
        }

        return _array.AsSpan(_length);
    }

    public Memory<byte> GetMemory(int sizeHint)
    {
        GetSpan(sizeHint);
        return _array.AsMemory(_length);
    }

    public void Advance(int count)
    {
        if (count < 0 || _array is null || _length + count > _array.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Advance past the span returned by GetSpan.");
        }

        _length += count;
    }

    /// <summary>Removes <paramref name="count"/> bytes at <paramref name="start"/>, moving the rest down.</summary>
    public void Remove(int start, int count)
    {
        _array.AsSpan(start + count, _length - start - count).CopyTo(_array.AsSpan(start));
        _length -= count;
    }

    public void Clear() => _length = 0;

    public void Release()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }

        _length = 0;
    }

    private void Grow(int needed)
    {
        var size = Math.Max(InitialSize, _array is null ? 0 : _array.Length * 2);
        while (size - _length < needed)
        {
            size *= 2;
        }

        var next = ArrayPool<byte>.Shared.Rent(size);
        if (_array is not null)
        {
            _array.AsSpan(0, _length).CopyTo(next);
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = next;
    }
}
