using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace HyperRoute.Messaging.Destinations;

/// <summary>
/// A UDP destination: each frame is one datagram to a host and port, sent from one connected socket without
/// allocating. UDP does not report delivery: <see cref="SendResult.Sent"/> means the datagram left, and
/// <see cref="SendResult.Failed"/> comes only from what the operating system reports (for example a port
/// unreachable answer to an earlier datagram on loopback).
/// </summary>
public sealed class UdpPeer : IFrameDestination, IDisposable
{
    /// <summary>The largest payload of one IPv4 UDP datagram.</summary>
    public const int MaxDatagramSize = 65_507;

    private readonly Socket _socket;
    private int _disposed;

    /// <summary>A peer sending to <paramref name="host"/>:<paramref name="port"/> (the name is resolved once, here).</summary>
    public UdpPeer(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host)[0];
        RemoteEndPoint = new IPEndPoint(address, port);
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Connect(RemoteEndPoint);
    }

    /// <summary>Where the datagrams go.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Sends <paramref name="frame"/> as one datagram; never throws for a network failure.</summary>
    [HotPath]
    public SendResult Send(ReadOnlySpan<byte> frame)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return SendResult.Disposed;
        }

        if (frame.Length > MaxDatagramSize)
        {
            return SendResult.FrameTooLarge;
        }

        try
        {
            var sent = _socket.Send(frame, SocketFlags.None, out var error);
            return error == SocketError.Success && sent == frame.Length ? SendResult.Sent : SendResult.Failed;
        }
        catch (ObjectDisposedException)
        {
            return SendResult.Disposed;
        }
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _socket.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"udp://{RemoteEndPoint}";
}
