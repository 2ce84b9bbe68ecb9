using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>The calls a worker needs to open connections of its own (a proxy's backend sockets).</summary>
internal static unsafe partial class Native
{
    public const int SockStream = 1;
    public const int SolSocket = 1;
    public const int SoError = 4;
    public const int MsgPeek = 2;
    public const int EInProgress = 115;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    public static partial int Connect(int fd, byte* address, int addressLength);

    [LibraryImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
    public static partial int GetSockOpt(int fd, int level, int name, void* value, int* length);

    /// <summary>The <c>AF_*</c> value of <paramref name="family"/>.</summary>
    public static int Domain(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? 10 : 2;

    /// <summary>
    /// A <see cref="SocketException"/> for a Linux <c>errno</c> from a socket call, with the portable
    /// <see cref="SocketError"/> the .NET socket APIs would report for it.
    /// </summary>
    public static SocketException SocketError(int errno) => new((int)(errno switch
    {
        111 => System.Net.Sockets.SocketError.ConnectionRefused,
        104 => System.Net.Sockets.SocketError.ConnectionReset,
        103 => System.Net.Sockets.SocketError.ConnectionAborted,
        110 => System.Net.Sockets.SocketError.TimedOut,
        32 => System.Net.Sockets.SocketError.Shutdown,
        101 => System.Net.Sockets.SocketError.NetworkUnreachable,
        113 => System.Net.Sockets.SocketError.HostUnreachable,
        99 => System.Net.Sockets.SocketError.AddressNotAvailable,
        24 or 23 => System.Net.Sockets.SocketError.TooManyOpenSockets,
        105 => System.Net.Sockets.SocketError.NoBufferSpaceAvailable,
        _ => System.Net.Sockets.SocketError.SocketError,
    }));
}
