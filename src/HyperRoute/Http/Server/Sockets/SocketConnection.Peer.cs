using System.Net;
using System.Net.Sockets;

namespace HyperRoute.Http.Server.Sockets;

/// <summary>The client's address, for <see cref="HttpExchange.ClientAddress"/>.</summary>
internal sealed partial class SocketConnection<TEndpoint> : IPeerAddress
{
    public IPAddress? PeerAddress()
    {
        try
        {
            return (_socket.RemoteEndPoint as IPEndPoint)?.Address;
        }
        catch (SocketException)
        {
            return null;
        }
        catch (System.ObjectDisposedException)
        {
            return null;
        }
    }
}
