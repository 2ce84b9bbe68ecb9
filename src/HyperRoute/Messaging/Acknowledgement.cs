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
