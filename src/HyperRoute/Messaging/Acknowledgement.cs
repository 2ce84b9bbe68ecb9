using System;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace HyperRoute.Messaging;

/// <summary>
/// The acknowledgement a <see cref="Sources.FramedTcpSource{THandler}"/> writes back when
/// <see cref="Sources.FramedTcpSourceOptions.SendAcknowledgements"/> is on, and a <see cref="Destinations.TcpPeer"/> reads when
/// <see cref="Destinations.TcpPeerOptions.RequireAcknowledgements"/> is on.
/// </summary>
/// <remarks>
/// <para><b>Wire format.</b> The receiver-to-sender direction of a connection carries nothing but acknowledgements, each
/// exactly <see cref="Size"/> bytes: an unsigned 64-bit big-endian integer, the number of frames received on this
/// connection (counted from its first frame) whose handler call has returned. It is cumulative, so it never goes back,
/// and a later acknowledgement covers every earlier one; no length prefix is needed. The receiver writes one after each
/// receive pass that handled at least one frame.</para>
/// </remarks>
internal static class Acknowledgement
{
    /// <summary>The size of one acknowledgement on the wire.</summary>
    public const int Size = 8;

    /// <summary>Writes one acknowledgement with one synchronous <c>send</c> from stack memory (0 B). False: the connection failed.</summary>
    [HotPath]
    public static bool TrySend(Socket socket, ulong handled)
    {
        Span<byte> wire = stackalloc byte[Size];
        BinaryPrimitives.WriteUInt64BigEndian(wire, handled);
        var sent = 0;
        while (sent < Size)
        {
            var count = socket.Send(wire.Slice(sent), SocketFlags.None, out var error);
            if (error != SocketError.Success || count <= 0)
            {
                return false;
            }

            sent += count;
        }

        return true;
    }
}

/// <summary>
/// Reassembles acknowledgements from the bytes a sender reads, which may cut one anywhere. A mutable struct held in a
/// field (or a local of the reading loop) and called in place.
/// </summary>
internal struct AcknowledgementReader
{
    private ulong _partial;
    private int _bytes;

    /// <summary>
    /// Consumes <paramref name="received"/>; returns the number of complete acknowledgements in it (with the previous
    /// partial one) and the last of them in <paramref name="latest"/> (only the latest matters: they are cumulative).
    /// </summary>
    public int Read(ReadOnlySpan<byte> received, out ulong latest)
    {
        var complete = 0;
        latest = 0;
        foreach (var b in received)
        {
            _partial = (_partial << 8) | b;
            if (++_bytes == Acknowledgement.Size)
            {
                latest = _partial;
                complete++;
                _partial = 0;
                _bytes = 0;
            }
        }

        return complete;
    }
}
