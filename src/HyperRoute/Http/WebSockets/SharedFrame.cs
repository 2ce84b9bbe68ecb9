using System;
using System.Buffers;
using System.Threading;

namespace HyperRoute.Http.WebSockets;

/// <summary>
/// A frame encoded once and queued to many connections (a hub's broadcast): a pooled array with a count of the
/// queues that still hold it; the last one to copy it out returns the array.
/// </summary>
internal sealed class SharedFrame
{
    private int _holders;

    private SharedFrame(byte[] bytes, int length, int holders)
    {
        Bytes = bytes;
        Length = length;
        _holders = holders;
    }

    public byte[] Bytes { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => Bytes.AsSpan(0, Length);

    /// <summary>Encodes <paramref name="payload"/> as one final frame, held once by the caller.</summary>
    public static SharedFrame Encode(byte opcode, ReadOnlySpan<byte> payload)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(payload.Length + WebSocketFrame.MaxServerHeaderLength);
        var header = WebSocketFrame.WriteHeader(bytes, opcode, payload.Length);
        payload.CopyTo(bytes.AsSpan(header));
        return new SharedFrame(bytes, header + payload.Length, 1);
    }

    public void AddHolder() => Interlocked.Increment(ref _holders);

    public void Release()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            ArrayPool<byte>.Shared.Return(Bytes);
        }
    }
}
