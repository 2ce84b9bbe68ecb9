using System;

namespace HyperRoute.Http.Server;

/// <summary>How a streamed (chunked) response sends a chunk while the handler is still running.</summary>
internal interface IBlockingSender
{
    /// <summary>Sends all of <paramref name="bytes"/>, waiting for the socket to accept them.</summary>
    void SendBlocking(ReadOnlySpan<byte> bytes);
}
