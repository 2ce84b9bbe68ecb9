using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace HyperRoute.Http.WebSockets;

/// <summary>
/// A broadcast group: one message to every member, encoded as a frame once and queued to each member's outbound
/// queue (each member's <see cref="WebSocketOptions.SlowReceiver"/> policy applies to it alone). A connection
/// leaves its hubs when it closes. Safe from any thread.
/// </summary>
public sealed class WebSocketHub
{
    private readonly object _lock = new();
    private readonly HashSet<WebSocketConnection> _members = [];
    private WebSocketConnection[]? _snapshot;

    /// <summary>The members now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _members.Count;
            }
        }
    }

    /// <summary>Adds <paramref name="connection"/>; <see langword="false"/> when it is closed already.</summary>
    public bool Add(WebSocketConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.Join(this))
        {
            return false;
        }

        lock (_lock)
        {
            if (_members.Add(connection))
            {
                _snapshot = null;
            }
        }

        return true;
    }

    /// <summary>Removes <paramref name="connection"/>; <see langword="false"/> when it was not a member.</summary>
    public bool Remove(WebSocketConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Leave(this);
        return Forget(connection);
    }

    /// <summary>Sends a text message to every member but <paramref name="except"/>; returns how many queued it.</summary>
    public int BroadcastText(string text, WebSocketConnection? except = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return Broadcast(WebSocketMessageType.Text, bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)), except);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Sends one message to every member but <paramref name="except"/>: the frame is encoded once and shared by
    /// the members' queues. Returns how many members queued it (a closed member, or one whose queue is full, does not).
    /// </summary>
    public int Broadcast(WebSocketMessageType type, ReadOnlySpan<byte> payload, WebSocketConnection? except = null)
    {
        var members = Snapshot();
        if (members.Length == 0)
        {
            return 0;
        }

        var frame = SharedFrame.Encode((byte)type, payload);
        var queued = 0;
        foreach (var member in members)
        {
            if (ReferenceEquals(member, except))
            {
                continue;
            }

            frame.AddHolder();
            if (member.EnqueueShared(frame))
            {
                queued++;
            }
        }

        frame.Release(); // the encoder's hold: the array goes back once the last queue has copied it out
        return queued;
    }

    internal bool Forget(WebSocketConnection connection)
    {
        lock (_lock)
        {
            if (!_members.Remove(connection))
            {
                return false;
            }

            _snapshot = null;
            return true;
        }
    }

    // The members as an array, rebuilt only after a change: a broadcast does not copy the set.
    private WebSocketConnection[] Snapshot()
    {
        lock (_lock)
        {
            if (_snapshot is null)
            {
                _snapshot = new WebSocketConnection[_members.Count];
                _members.CopyTo(_snapshot);
            }

            return _snapshot;
        }
    }
}
