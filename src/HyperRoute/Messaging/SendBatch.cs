using System;
using HyperRoute.Messaging.Destinations;

namespace HyperRoute.Messaging;

/// <summary>
/// The sends made on one thread while a source delivers the frames of one receive: a <see cref="TcpPeer"/> queues
/// them in its connection's buffer, and the source writes every queued connection once when the pass ends, so a
/// receive of a hundred frames that the router forwards costs one <c>send</c> per destination connection, not a
/// hundred (Netty's flush on read-complete).
/// </summary>
/// <remarks>
/// One instance per thread, made the first time that thread runs a pass and reused (0 B per pass after that). Passes
/// nest (a handler that delivers to another source); the outermost one writes.
/// </remarks>
internal sealed class SendBatch
{
    [ThreadStatic]
    private static SendBatch? t_batch;

    private TcpConnection?[] _queued = new TcpConnection?[8];
    private int _count;
    private int _depth;

    /// <summary>The batch of the pass running on this thread, or <see langword="null"/> outside one.</summary>
    public static SendBatch? Current => t_batch is { _depth: > 0 } batch ? batch : null;

    /// <summary>Starts a pass on this thread: until the matching <see cref="Exit"/>, peers queue what they send.</summary>
    public static SendBatch Enter()
    {
        var batch = t_batch ??= new SendBatch();
        batch._depth++;
        return batch;
    }

    /// <summary>Ends the pass; the outermost one writes every connection that queued frames during it.</summary>
    public void Exit()
    {
        if (--_depth > 0)
        {
            return;
        }

        for (var i = 0; i < _count; i++)
        {
            var connection = _queued[i]!;
            _queued[i] = null;
            connection.FlushQueued();
        }

        _count = 0;
    }

    /// <summary>Remembers a connection to write at the end of the pass (once, however many frames the pass queues there).</summary>
    public void Add(TcpConnection connection)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_queued[i], connection))
            {
                return; // a pass reaches a handful of connections: a scan is cheaper than a set
            }
        }

        if (_count == _queued.Length)
        {
            Array.Resize(ref _queued, _count * 2);
        }

        _queued[_count++] = connection;
    }
}
