using System;
using System.Net;
using System.Text;

namespace HyperRoute.Http;

/// <summary>Who is on the other end of the connection.</summary>
public sealed partial class HttpExchange
{
    private bool _clientResolved;
    private IPAddress? _clientAddress;
    private byte[] _clientAddressText = [];

    /// <summary>
    /// The client's IP address (an IPv4-mapped IPv6 address as plain IPv4), or <see langword="null"/> when the
    /// transport has none (in-process). Looked up once per connection, on first use.
    /// </summary>
    public IPAddress? ClientAddress
    {
        get
        {
            Resolve();
            return _clientAddress;
        }
    }

    /// <summary>Where the connection learns its client's address (set by the transport).</summary>
    internal IPeerAddress? Peer { get; set; }

    /// <summary><see cref="ClientAddress"/> as ASCII text (empty when unknown), for forwarding headers and hash keys.</summary>
    internal ReadOnlySpan<byte> ClientAddressText
    {
        get
        {
            Resolve();
            return _clientAddressText;
        }
    }

    private void Resolve()
    {
        if (_clientResolved)
        {
            return;
        }

        var address = Peer?.PeerAddress();
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        _clientAddress = address;
        _clientAddressText = address is null ? [] : Encoding.ASCII.GetBytes(address.ToString());
        _clientResolved = true;
    }
}

/// <summary>A connection that can tell its client's address.</summary>
internal interface IPeerAddress
{
    /// <summary>The address of the connected client, or <see langword="null"/> when it cannot be read (it left).</summary>
    IPAddress? PeerAddress();
}
