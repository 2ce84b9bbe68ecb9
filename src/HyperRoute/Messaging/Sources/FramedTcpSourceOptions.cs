using System;
using System.Net;

namespace HyperRoute.Messaging.Sources;

/// <summary>How a <see cref="FramedTcpSource{THandler}"/> listens and frames.</summary>
public sealed record FramedTcpSourceOptions
{
    /// <summary>The address to listen on; loopback unless changed.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 (the default) picks a free one (read it back from <see cref="FramedTcpSource{THandler}.EndPoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>The length prefix and the limits (default: 4-byte big-endian prefix, frames up to 64 KiB, empty frames allowed).</summary>
    public FrameFormat Format { get; init; }

    /// <summary>
    /// The receive buffer a connection starts with (default 4 KiB, from the shared array pool). It grows, up to the
    /// format's <see cref="FrameFormat.MaxWireSize"/>, only for a frame that does not fit, and is given back for a
    /// small one once that frame has been delivered.
    /// </summary>
    public int InitialBufferSize { get; init; } = 4096;

    /// <summary>The listen backlog.</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>
    /// How long <see cref="FramedTcpSource{THandler}.StopAsync"/> waits for handlers in progress, suspended ones
    /// included; after it, <see cref="FrameContext.Aborted"/> is cancelled. Default 10 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Called (on the connection's thread) when a handler throws, or the work a handler suspended ends with an
    /// exception; the connection is then closed. Default: nothing.
    /// </summary>
    public Action<Exception>? OnHandlerError { get; init; }

    /// <summary>
    /// Whether each connection acknowledges what it handled, for senders that keep frames until then (a
    /// <see cref="Destinations.TcpPeer"/> with <see cref="Destinations.TcpPeerOptions.RequireAcknowledgements"/>). After
    /// every receive pass that handled at least one frame, the connection writes back 8 bytes: the number of frames of
    /// this connection whose handler has completed, as an unsigned 64-bit big-endian integer, cumulative from the
    /// connection's first frame. A handler that suspended (<see cref="FrameContext.Suspend"/>) has completed when its
    /// work has, successfully: its frame is acknowledged then, on its own, and a frame whose work failed never is. One small synchronous <c>send</c> per pass, 0 B; a failed write closes the connection.
    /// The sender must read them (a client that never reads would, after megabytes of them, make the write time out and
    /// the connection close). Default <see langword="false"/>: nothing is ever written back.
    /// </summary>
    public bool SendAcknowledgements { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBufferSize, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(Backlog, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero);
    }
}
