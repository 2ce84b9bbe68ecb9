using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using HyperRoute.Http.Server;

namespace HyperRoute.Http.WebSockets;

/// <summary>
/// One accepted WebSocket connection (RFC 6455), served by the worker that served its handshake. Receiving runs
/// there (its <see cref="WebSocketHandler"/> is called back with whole messages); sending is safe from any
/// thread: a message is always one frame, so frames never interleave. From the handler's callbacks a send goes
/// straight into the connection's output; from another thread it is encoded into a pooled buffer, queued
/// (bounded by <see cref="WebSocketOptions.MaxQueuedBytes"/>) and handed to the worker, which sends it.
/// </summary>
public sealed partial class WebSocketConnection : IUpgradedProtocol
{
    private const int DrainThreshold = 64 * 1024;
    private const int MaxCloseReasonBytes = 123;

    private static long s_nextId;

    private readonly WebSocketHandler _handler;
    private readonly WebSocketOptions _options;
    private readonly byte[] _accept = new byte[WebSocketHandshake.AcceptLength];
    private readonly object _lock = new();
    private readonly Queue<Outbound> _queue = new();
    private IConnectionWaker? _waker;
    private HttpResponse? _response;
    private Action<Exception>? _reportError;
    private int _queuedBytes;
    private int _wakePending;
    private volatile int _state; // ConnectionState
    private volatile bool _closeRequested;
    private WebSocketCloseCode _requestedCode;
    private string? _requestedReason;
    private volatile bool _dropRequested;
    private List<WebSocketHub>? _hubs;
    private int _closedNotified;

    internal WebSocketConnection(WebSocketHandler handler, WebSocketOptions options, string? subProtocol, object? state)
    {
        _handler = handler;
        _options = options;
        SubProtocol = subProtocol;
        State = state;
        Id = Interlocked.Increment(ref s_nextId);
    }

    private enum ConnectionState
    {
        Open,
        Closing, // a close frame went out; waiting for the client's
        Closed,
    }

    /// <summary>A number unique to this connection in the process.</summary>
    public long Id { get; }

    /// <summary>The subprotocol selected in the handshake (<see cref="WebSocketOptions.SubProtocols"/>); <see langword="null"/> for none.</summary>
    public string? SubProtocol { get; }

    /// <summary>Whatever the application keeps with the connection (given to <c>AcceptWebSocket</c>, or set later).</summary>
    public object? State { get; set; }

    /// <summary>Messages can be sent: no close frame went out yet and the connection is up.</summary>
    public bool IsOpen => _state == (int)ConnectionState.Open;

    /// <summary>Sends a text message (<paramref name="utf8"/> must be valid UTF-8); <see langword="false"/> when it was not queued (closed, or dropped by <see cref="SlowReceiverPolicy.DropMessages"/>).</summary>
    public bool SendText(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw new ArgumentException("A text message must be valid UTF-8.", nameof(utf8));
        }

        return Send(Opcode.Text, utf8);
    }

    /// <summary>Sends <paramref name="text"/> as a text message; <see langword="false"/> when it was not queued.</summary>
    public bool SendText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            return Send(Opcode.Text, bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Sends a binary message; <see langword="false"/> when it was not queued.</summary>
    public bool SendBinary(ReadOnlySpan<byte> data) => Send(Opcode.Binary, data);

    /// <summary>Sends a message of <paramref name="type"/> (text is not validated here); <see langword="false"/> when it was not queued.</summary>
    public bool Send(WebSocketMessageType type, ReadOnlySpan<byte> payload) => Send((byte)type, payload);

    /// <summary>
    /// Starts the close handshake (any thread): the worker sends a close frame with <paramref name="code"/> and
    /// <paramref name="reason"/> (cut to 123 bytes of UTF-8) after the messages already queued, then waits up to
    /// <see cref="WebSocketOptions.CloseTimeout"/> for the client's.
    /// </summary>
    public void Close(WebSocketCloseCode code = WebSocketCloseCode.NormalClosure, string? reason = null)
    {
        if (code is WebSocketCloseCode.NoStatusReceived or WebSocketCloseCode.AbnormalClosure)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "1005 and 1006 are reported, never sent.");
        }

        lock (_lock)
        {
            if (_closeRequested || _state != (int)ConnectionState.Open)
            {
                return;
            }

            _requestedCode = code;
            _requestedReason = reason;
            _closeRequested = true;
        }

        Wake();
    }

    internal void SetAccept(ReadOnlySpan<byte> accept) => accept.CopyTo(_accept);

    /// <summary>Joins <paramref name="hub"/> unless closed (the hub forgets the connection when it closes).</summary>
    internal bool Join(WebSocketHub hub)
    {
        lock (_lock)
        {
            if (_state == (int)ConnectionState.Closed)
            {
                return false;
            }

            (_hubs ??= []).Add(hub);
            return true;
        }
    }

    internal void Leave(WebSocketHub hub)
    {
        lock (_lock)
        {
            _hubs?.Remove(hub);
        }
    }

    /// <summary>Queues a frame a hub encoded once; the queue takes over the caller's hold on it.</summary>
    internal bool EnqueueShared(SharedFrame frame) => Enqueue(new Outbound(frame.Bytes, frame.Length, frame));

    private bool Send(byte opcode, ReadOnlySpan<byte> payload)
    {
        if (_state != (int)ConnectionState.Open)
        {
            return false;
        }

        var frameLength = WebSocketFrame.HeaderLength(payload.Length) + payload.Length;
        if (_ownerThread == Environment.CurrentManagedThreadId && QueueIsEmpty())
        {
            // Inside a callback on the worker, and nothing queued to go first: straight into the output.
            if (_unsent > 0 && _unsent + frameLength > _options.MaxQueuedBytes && !Overflowed())
            {
                return false;
            }

            WriteFrame(opcode, payload);
            return true;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(frameLength);
        var header = WebSocketFrame.WriteHeader(bytes, opcode, payload.Length);
        payload.CopyTo(bytes.AsSpan(header));
        return Enqueue(new Outbound(bytes, frameLength, null));
    }

    private bool QueueIsEmpty()
    {
        lock (_lock)
        {
            return _queue.Count == 0;
        }
    }

    private bool Enqueue(Outbound item)
    {
        lock (_lock)
        {
            if (_state == (int)ConnectionState.Closed || _dropRequested)
            {
                item.Release();
                return false;
            }

            if (_queue.Count > 0 && _queuedBytes + item.Length > _options.MaxQueuedBytes)
            {
                item.Release();
                if (_options.SlowReceiver == SlowReceiverPolicy.DropMessages)
                {
                    return false;
                }

                _dropRequested = true; // the worker drops the connection; the queue's memory goes back now
                ReleaseQueue();
            }
            else
            {
                _queue.Enqueue(item);
                _queuedBytes += item.Length;
            }
        }

        if (_dropRequested)
        {
            // Always a wake of its own: one posted earlier may still be pending, unserved while the socket is full,
            // and the drop must not wait for the client to read.
            _waker?.Wake();
            return false;
        }

        Wake();
        return true;
    }

    // An inline send found the output over the limit: the policy decides; true when the message may still go.
    private bool Overflowed()
    {
        if (_options.SlowReceiver == SlowReceiverPolicy.DropConnection)
        {
            _dropRequested = true;
        }

        return false;
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _waker?.Wake();
        }
    }

    // Under _lock.
    private void ReleaseQueue()
    {
        while (_queue.TryDequeue(out var item))
        {
            item.Release();
        }

        _queuedBytes = 0;
    }

    // The connection ended: the handler hears it once, the hubs forget it, the queue is freed.
    private void NotifyClosed(WebSocketCloseCode code, string reason)
    {
        if (Interlocked.Exchange(ref _closedNotified, 1) != 0)
        {
            return;
        }

        List<WebSocketHub>? hubs;
        lock (_lock)
        {
            _state = (int)ConnectionState.Closed;
            hubs = _hubs;
            _hubs = null;
            ReleaseQueue();
        }

        if (hubs is not null)
        {
            foreach (var hub in hubs)
            {
                hub.Forget(this);
            }
        }

        try
        {
            _handler.OnClose(this, code, reason);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _reportError?.Invoke(exception);
        }
    }

    /// <summary>A frame waiting in the queue: a pooled array of its own, or a hub's shared frame.</summary>
    private readonly struct Outbound(byte[] bytes, int length, SharedFrame? shared)
    {
        public int Length { get; } = length;

        public ReadOnlySpan<byte> Span => bytes.AsSpan(0, Length);

        public void Release()
        {
            if (shared is not null)
            {
                shared.Release();
            }
            else
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }
}
