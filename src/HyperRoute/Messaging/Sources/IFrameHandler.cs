using System;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// Receives the frames of a source. Implement it on a <c>struct</c>: every source is generic over the handler type,
/// so the JIT compiles the source's receive loop for that handler and <see cref="OnFrame"/> is a direct (inlinable)
/// call, never a virtual one.
/// </summary>
/// <remarks>
/// <para>
/// <b>Copies.</b> A TCP source gives each connection its own copy of the handler value (made when the connection is
/// accepted), so fields of the struct are per-connection state that nothing else touches; state shared across
/// connections is reached through a reference the struct holds (and must be thread-safe: connections are served
/// concurrently). The UDP and in-process sources hold one copy, called from one receive loop or from the callers of
/// <see cref="InProcessSource{THandler}.Deliver"/>.
/// </para>
/// <para>
/// <b>The frame</b> is a slice of the source's pooled receive buffer: valid only during the call. Copy what must
/// outlive it. An exception thrown from <see cref="OnFrame"/> is counted and reported, and (on TCP) closes the
/// connection; see each source.
/// </para>
/// <para>
/// <b>Asynchronous handlers.</b> A handler whose work has not completed when <see cref="OnFrame"/> returns hands it to
/// the source with <see cref="FrameContext.Suspend"/>; one that completed synchronously just returns (nothing is
/// stored or allocated). Until the work completes the source holds the frame: <see cref="FrameContext.Frame"/>, the
/// same bytes as memory, stays valid (use it, not the span, after an <c>await</c>), the next frame of the connection
/// (TCP) or socket (UDP) waits, and the frame is not acknowledged. The work's exception is a handler error like a
/// synchronous one. Generated message routers with <c>async ValueTask</c> handlers do this for you.
/// </para>
/// </remarks>
public interface IFrameHandler
{
    /// <summary>
    /// Handles one complete frame (without its length prefix), in the order the frames arrived on its connection; an
    /// asynchronous handler that has not completed hands its work over with <see cref="FrameContext.Suspend"/>.
    /// </summary>
    void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context);
}
