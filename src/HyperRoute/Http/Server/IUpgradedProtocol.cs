using System;

namespace HyperRoute.Http.Server;

/// <summary>
/// A protocol an HTTP/1.1 connection switches to after a <c>101 Switching Protocols</c> (a WebSocket). The
/// connection keeps its transport, worker, receive buffer and output; from the switch on, its <c>Run</c> hands the
/// received bytes to this protocol instead of the HTTP parser. Every member is called on the connection's owner
/// (its epoll worker, or its socket loop), one call at a time; the protocol reaches the owner from other threads
/// only through the <see cref="IConnectionWaker"/> it is given.
/// </summary>
internal interface IUpgradedProtocol
{
    /// <summary>Writes the <c>101</c> response that switches the connection (sent before any frame).</summary>
    void WriteSwitch(HttpResponse response);

    /// <summary>
    /// The connection now speaks this protocol: <paramref name="waker"/> schedules it on its owner, and what it sends
    /// goes to <paramref name="response"/>'s output (on the owner only).
    /// </summary>
    void Start(IConnectionWaker waker, HttpResponse response, Action<Exception> reportError);

    /// <summary>
    /// Consumes what it can of <paramref name="received"/> (it may change those bytes in place, e.g. to unmask
    /// them), writes what is due to the output (which still holds <paramref name="unsent"/> bytes not yet on the
    /// wire), and says what the transport does next.
    /// </summary>
    UpgradedStep Run(Span<byte> received, out int consumed, int unsent, bool shuttingDown, long receivedAt);

    /// <summary>When the next timer of the protocol is due (<see cref="Environment.TickCount64"/>), <see cref="long.MaxValue"/> for none.</summary>
    long Deadline(long receivedAt);

    /// <summary>The receive buffer should hold at least this many bytes from the first unconsumed one (the frame in progress).</summary>
    int BytesWanted { get; }

    /// <summary>
    /// The protocol asked to drop the connection (a receiver too slow for its queue): the owner runs it at its next wake
    /// even while the socket is full, and then closes without waiting for the output (the client is not reading it).
    /// </summary>
    bool DropRequested { get; }

    /// <summary>The connection is closed (any reason); called once.</summary>
    void Closed();
}

/// <summary>What the transport of an upgraded connection does after <see cref="IUpgradedProtocol.Run"/>.</summary>
internal enum UpgradedStep : byte
{
    /// <summary>Send the output, then wait for bytes or a wake.</summary>
    Receive,

    /// <summary>More output is waiting: send, then run again.</summary>
    SendThenRun,

    /// <summary>Send the output, then close the connection.</summary>
    Close,
}
