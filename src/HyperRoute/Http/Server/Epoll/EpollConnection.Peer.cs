using System;
using System.Net;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>The client's address, for <see cref="HttpExchange.ClientAddress"/>: one <c>getpeername</c> per connection, on first use.</summary>
internal sealed unsafe partial class EpollConnection<TEndpoint> : IPeerAddress
{
    private const ushort AfInet = 2;
    private const ushort AfInet6 = 10;

    public IPAddress? PeerAddress()
    {
        var address = stackalloc byte[128]; // sockaddr_storage
        var length = 128;
        if (Native.GetPeerName(_fd, address, &length) != 0)
        {
            return null;
        }

        var family = *(ushort*)address;
        return family switch
        {
            AfInet when length >= 8 => new IPAddress(new ReadOnlySpan<byte>(address + 4, 4)),
            AfInet6 when length >= 24 => new IPAddress(new ReadOnlySpan<byte>(address + 8, 16), *(uint*)(address + 24)),
            _ => null,
        };
    }
}
