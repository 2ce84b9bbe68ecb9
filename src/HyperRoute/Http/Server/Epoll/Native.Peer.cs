using System.Runtime.InteropServices;

namespace HyperRoute.Http.Server.Epoll;

/// <summary>The connected client's address.</summary>
internal static unsafe partial class Native
{
    [LibraryImport("libc", EntryPoint = "getpeername", SetLastError = true)]
    public static partial int GetPeerName(int fd, void* address, int* addressLength);
}
