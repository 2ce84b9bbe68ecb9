using System;
using System.Net;
using System.Net.Sockets;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>A blocking loopback TCP client for the framed source tests, with a receive timeout so no test can hang.</summary>
internal sealed class FrameClient : IDisposable
{
    private readonly Socket _socket;

    public FrameClient(IPEndPoint endPoint)
    {
        _socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 5000, SendTimeout = 5000 };
        _socket.Connect(endPoint);
    }

    public void Send(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes.Slice(_socket.Send(bytes));
        }
    }

    /// <summary>Reads exactly <paramref name="buffer"/>'s length (bounded by the receive timeout); false when the server closed first.</summary>
    public bool TryReceiveExactly(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var count = _socket.Receive(buffer);
            if (count == 0)
            {
                return false;
            }

            buffer = buffer.Slice(count);
        }

        return true;
    }

    /// <summary>The bytes the server sent that have not been read yet (a check, not a wait).</summary>
    public int Available => _socket.Available;

    /// <summary>Reads one acknowledgement (bounded by the receive timeout); <see langword="null"/> when the server closed first.</summary>
    public ulong? ReadAcknowledgement()
    {
        var wire = new byte[HyperRoute.Messaging.Acknowledgement.Size];
        return TryReceiveExactly(wire) ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(wire) : null;
    }

    /// <summary>Reads acknowledgements until one says <paramref name="count"/> or more, and returns it.</summary>
    public ulong ReadAcknowledgementsUntil(ulong count)
    {
        ulong latest;
        do
        {
            latest = ReadAcknowledgement() ?? throw new InvalidOperationException("The server closed before acknowledging " + count + " frames.");
        }
        while (latest < count);

        return latest;
    }

    /// <summary>Whether the server closed the connection: a read returns end of stream or a reset, not a timeout.</summary>
    public bool IsClosedByServer()
    {
        var buffer = new byte[16];
        try
        {
            return _socket.Receive(buffer) == 0;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            return false;
        }
    }

    /// <summary>Closes the connection at once (a FIN after whatever was sent).</summary>
    public void Dispose() => _socket.Dispose();
}
