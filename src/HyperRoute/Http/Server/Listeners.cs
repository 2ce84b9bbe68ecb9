using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace HyperRoute.Http.Server;

/// <summary>
/// Opens a server's listening sockets: one per worker with <c>SO_REUSEPORT</c> on Linux (the kernel spreads
/// connections across them), else one. The workers of one server share the port; another socket that already
/// listens there — another <see cref="HttpServer{TEndpoint}"/> in this process or a server in another process — makes
/// the start fail with <see cref="HttpServerAddressInUseException"/> unless <see cref="HttpServerOptions.SharePort"/>
/// opts in to sharing it.
/// </summary>
/// <remarks>
/// <para>
/// <c>SO_REUSEPORT</c> alone would let a second server join the first one's group silently (same user, both with the
/// option), and the kernel would then spread connections across two unrelated servers. So before the workers bind, a
/// <b>probe</b> socket binds the same address and port <i>without</i> <c>SO_REUSEPORT</c>: Linux refuses it
/// (<c>EADDRINUSE</c>) when any socket listens on the port — with or without <c>SO_REUSEPORT</c>, on this address or
/// the wildcard one. The probe has <c>SO_REUSEADDR</c>, as the listeners do, so connections of an earlier run lingering
/// in <c>TIME_WAIT</c> do not count. It is closed at once, then the workers bind.
/// </para>
/// <para>
/// The race: between the probe's close and the first worker's bind (microseconds) another process of the same user
/// that sets <c>SO_REUSEPORT</c> can bind the port, and two such processes starting at the same instant can both pass
/// their probes; then both start and share the port. Within one process the probe and the binds run under one lock, so
/// two servers started concurrently cannot both pass. Port 0 needs no probe: the kernel picks a port no other socket
/// uses, even one with <c>SO_REUSEPORT</c>.
/// </para>
/// </remarks>
internal static class Listeners
{
    private const int SolSocket = 1;      // SOL_SOCKET on Linux
    private const int SoReuseAddr = 2;    // SO_REUSEADDR on Linux (.NET sets it at bind on Unix too; Socket.ReuseAddress would add SO_REUSEPORT)
    private const int SoReusePort = 15;   // SO_REUSEPORT on Linux

    private static readonly object BindLock = new();

    /// <summary>Binds and listens; the caller owns the sockets.</summary>
    public static Socket[] Open(HttpServerOptions options)
    {
        var linux = OperatingSystem.IsLinux();
        var perWorker = linux && options.ReusePort && options.Workers > 1;
        var reusePort = linux && (perWorker || options.SharePort);
        var count = perWorker ? options.Workers : 1;
        var listeners = new List<Socket>(count);
        lock (BindLock)
        {
            try
            {
                if (linux && !options.SharePort && options.Port != 0)
                {
                    Probe(options.Address, options.Port);
                }

                var port = options.Port;
                for (var i = 0; i < count; i++)
                {
                    var listener = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    listeners.Add(listener);
                    if (linux)
                    {
                        listener.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
                    }

                    if (reusePort)
                    {
                        listener.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
                    }

                    Bind(listener, options.Address, port);
                    listener.Listen(options.Backlog);
                    port = ((IPEndPoint)listener.LocalEndPoint!).Port; // the others share the first one's port
                }
            }
            catch
            {
                foreach (var listener in listeners)
                {
                    listener.Dispose();
                }

                throw;
            }
        }

        return listeners.ToArray();
    }

    // Binds without SO_REUSEPORT (with SO_REUSEADDR, so TIME_WAIT does not count): fails when a socket listens there.
    private static void Probe(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        Bind(probe, address, port);
    }

    private static void Bind(Socket socket, IPAddress address, int port)
    {
        var endPoint = new IPEndPoint(address, port);
        try
        {
            socket.Bind(endPoint);
        }
        catch (SocketException exception) when (exception is not HttpServerAddressInUseException && exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new HttpServerAddressInUseException(endPoint);
        }
    }
}
