using System;
using System.Buffers;
using System.ComponentModel;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// For generated code: builds a rewritten backend path from literal bytes and segments of the request's path, on the
/// stack (a pooled array past its size). Dispose it after the forward call, which copies what it needs.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct ForwardPath
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;

    /// <summary>Builds into <paramref name="buffer"/> (stack memory), growing into a pooled array when it is full.</summary>
    public ForwardPath(Span<byte> buffer)
    {
        _buffer = buffer;
        _rented = null;
        _length = 0;
    }

    /// <summary>The path built so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes.Length));
            _buffer.Slice(0, _length).CopyTo(larger);
            if (_rented is not null)
            {
                ArrayPool<byte>.Shared.Return(_rented);
            }

            _rented = larger;
            _buffer = larger;
        }

        bytes.CopyTo(_buffer.Slice(_length));
        _length += bytes.Length;
    }

    /// <summary>Returns a pooled array, if one was needed.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    /// <summary>Segment <paramref name="index"/> (from 0) of <paramref name="path"/> as received; empty when it has fewer.</summary>
    public static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> path, int index)
    {
        var rest = From(path, index);
        var slash = rest.IndexOf((byte)'/');
        return slash < 0 ? rest : rest.Slice(0, slash);
    }

    /// <summary>The segments of <paramref name="path"/> from <paramref name="index"/> on, with the slashes between them (a catch-all value); empty when it has fewer.</summary>
    public static ReadOnlySpan<byte> From(ReadOnlySpan<byte> path, int index)
    {
        if (!path.IsEmpty && path[0] == '/')
        {
            path = path.Slice(1);
        }

        for (var i = 0; i < index; i++)
        {
            var slash = path.IndexOf((byte)'/');
            if (slash < 0)
            {
                return default;
            }

            path = path.Slice(slash + 1);
        }

        return path;
    }
}
