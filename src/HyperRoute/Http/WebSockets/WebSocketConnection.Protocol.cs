using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using System.Threading;
using HyperRoute.Http.Server;

namespace HyperRoute.Http.WebSockets;

/// <summary>
/// The connection's side on its worker: frames parsed from the receive buffer (unmasked in place, so a whole
/// unfragmented message is handed to the handler without a copy), control frames answered, fragments joined
/// in a pooled buffer, the outbound queue moved to the output, the keep-alive and close timers. Every rule of
/// RFC 6455 that a client can break ends the connection with the close code the RFC names.
/// </summary>
public sealed partial class WebSocketConnection
{
    private int _ownerThread;        // the worker's thread while it runs the connection; 0 otherwise
    private int _unsent;             // output bytes not yet on the wire, as of now
    private bool _opened;
    private byte _fragmentType;      // the opcode of the fragmented message in progress; 0 for none
    private byte[]? _message;        // the fragments joined so far
    private int _messageLength;
    private int _wanted;             // bytes the frame in progress needs, from its first
    private long _pingSentAt;        // 0: no keep-alive ping outstanding
    private long _receivedAtPing;    // the last receive when the ping went out: any later one answers it
    private long _closeDeadline = long.MaxValue;
    private WebSocketCloseCode _sentCode;
    private string _sentReason = "";

    int IUpgradedProtocol.BytesWanted => _wanted;

    bool IUpgradedProtocol.DropRequested => _dropRequested;

    void IUpgradedProtocol.WriteSwitch(HttpResponse response)
    {
        ref var output = ref response.Output;
        output.Write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "u8);
        output.Write(_accept);
        if (SubProtocol is not null)
        {
            output.Write("\r\nSec-WebSocket-Protocol: "u8);
            var span = output.GetSpan(SubProtocol.Length);
            output.Advance(Encoding.ASCII.GetBytes(SubProtocol, span));
        }

        output.Write("\r\n\r\n"u8);
    }

    void IUpgradedProtocol.Start(IConnectionWaker waker, HttpResponse response, Action<Exception> reportError)
    {
        _waker = waker;
        _response = response;
        _reportError = reportError;
    }

    long IUpgradedProtocol.Deadline(long receivedAt)
    {
        if (_state == (int)ConnectionState.Closing)
        {
            return _closeDeadline;
        }

        var interval = _options.KeepAliveInterval;
        if (interval < TimeSpan.Zero)
        {
            return long.MaxValue;
        }

        return _pingSentAt == 0
            ? receivedAt + (long)interval.TotalMilliseconds
            : _pingSentAt + (long)_options.KeepAliveTimeout.TotalMilliseconds;
    }

    void IUpgradedProtocol.Closed()
    {
        NotifyClosed(WebSocketCloseCode.AbnormalClosure, "The connection ended without a close handshake.");
        if (_message is not null)
        {
            ArrayPool<byte>.Shared.Return(_message);
            _message = null;
        }
    }

    UpgradedStep IUpgradedProtocol.Run(Span<byte> received, out int consumed, int unsent, bool shuttingDown, long receivedAt)
    {
        consumed = 0;
        if (_state == (int)ConnectionState.Closed)
        {
            return UpgradedStep.Close;
        }

        _ownerThread = Environment.CurrentManagedThreadId;
        _unsent = unsent;
        try
        {
            if (!_opened)
            {
                _opened = true;
                if (!Call(static (connection, _) => connection._handler.OnOpen(connection), 0))
                {
                    return UpgradedStep.Close;
                }
            }

            if (!Receive(received, ref consumed))
            {
                return UpgradedStep.Close;
            }

            Volatile.Write(ref _wakePending, 0);
            var more = Drain();
            var now = Environment.TickCount64;
            if (_dropRequested)
            {
                return Drop(WebSocketCloseCode.PolicyViolation, "The client did not read its messages fast enough.");
            }

            if (_state == (int)ConnectionState.Open && (_closeRequested || shuttingDown))
            {
                SendClose(_closeRequested ? _requestedCode : WebSocketCloseCode.GoingAway, _closeRequested ? _requestedReason : "The server is shutting down.", now);
            }

            if (_state == (int)ConnectionState.Closing)
            {
                return now >= _closeDeadline ? Drop(_sentCode, _sentReason) : UpgradedStep.Receive;
            }

            if (!KeepAlive(receivedAt, now))
            {
                return Drop(WebSocketCloseCode.AbnormalClosure, "The client did not answer the keep-alive ping.");
            }

            return more ? UpgradedStep.SendThenRun : UpgradedStep.Receive;
        }
        finally
        {
            _ownerThread = 0;
        }
    }

    // Parses and handles every complete frame; false when the connection must close.
    private bool Receive(Span<byte> received, ref int consumed)
    {
        while (_state != (int)ConnectionState.Closed)
        {
            var rest = received.Slice(consumed);
            if (!WebSocketFrame.TryReadHeader(rest, out var header, out var invalidLength))
            {
                if (invalidLength)
                {
                    return Fail(WebSocketCloseCode.ProtocolError, "A frame length has its most significant bit set.");
                }

                _wanted = rest.IsEmpty ? 0 : WebSocketFrame.MaxClientHeaderLength;
                return true;
            }

            if (!Check(header, out var code, out var reason))
            {
                return Fail(code, reason);
            }

            var frameLength = header.Length + (int)header.PayloadLength;
            if (rest.Length < frameLength)
            {
                _wanted = frameLength;
                return true;
            }

            var payload = rest.Slice(header.Length, (int)header.PayloadLength);
            WebSocketFrame.Unmask(payload, header.Mask);
            consumed += frameLength;
            _wanted = 0;
            if (!Handle(header, payload))
            {
                return false;
            }
        }

        return false;
    }

    // The rules a frame header must keep (RFC 6455 §5.2, §5.4, §5.5), and the message size limit.
    private bool Check(in FrameHeader header, out WebSocketCloseCode code, out string reason)
    {
        code = WebSocketCloseCode.ProtocolError;
        reason = "";
        if (header.Reserved != 0)
        {
            reason = "A frame has reserved bits set, and no extension was negotiated.";
        }
        else if (!Opcode.IsKnown(header.Opcode))
        {
            reason = "A frame has a reserved opcode.";
        }
        else if (!header.Masked)
        {
            reason = "A client frame is not masked.";
        }
        else if (Opcode.IsControl(header.Opcode) && (!header.Fin || header.PayloadLength > 125))
        {
            reason = "A control frame is fragmented or longer than 125 bytes.";
        }
        else if (header.Opcode == Opcode.Continuation && _fragmentType == 0)
        {
            reason = "A continuation frame has no message to continue.";
        }
        else if (header.Opcode is Opcode.Text or Opcode.Binary && _fragmentType != 0)
        {
            reason = "A new message started before the fragmented one ended.";
        }
        else if ((ulong)_messageLength + header.PayloadLength > (ulong)_options.MaxMessageSize)
        {
            code = WebSocketCloseCode.MessageTooBig;
            reason = "The message is larger than the server accepts.";
        }
        else
        {
            return true;
        }

        return false;
    }

    private bool Handle(in FrameHeader header, Span<byte> payload)
    {
        switch (header.Opcode)
        {
            case Opcode.Text or Opcode.Binary when header.Fin:
                return _state != (int)ConnectionState.Open || Deliver(header.Opcode, payload);
            case Opcode.Text or Opcode.Binary:
                _fragmentType = header.Opcode;
                Append(payload);
                return true;
            case Opcode.Continuation:
                Append(payload);
                if (!header.Fin)
                {
                    return true;
                }

                var type = _fragmentType;
                var length = _messageLength;
                _fragmentType = 0;
                _messageLength = 0;
                return _state != (int)ConnectionState.Open || Deliver(type, _message.AsSpan(0, length));
            case Opcode.Ping:
                if (_state == (int)ConnectionState.Open)
                {
                    WriteFrame(Opcode.Pong, payload);
                }

                return true;
            case Opcode.Pong:
                return true; // the receive itself answers a keep-alive ping
            default:
                return HandleClose(payload);
        }
    }

    private bool Deliver(byte opcode, ReadOnlySpan<byte> payload)
    {
        if (opcode == Opcode.Text && !Utf8.IsValid(payload))
        {
            return Fail(WebSocketCloseCode.InvalidPayloadData, "A text message is not valid UTF-8.");
        }

        return Call(static (connection, message) => connection._handler.OnMessage(connection, message.Type, message.Payload), new Message((WebSocketMessageType)opcode, payload));
    }

    // The client's close frame: answered with the same code (if none was sent yet), then the connection closes.
    private bool HandleClose(ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 1)
        {
            return Fail(WebSocketCloseCode.ProtocolError, "A close frame's status code has two bytes.");
        }

        var code = payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : (int)WebSocketCloseCode.NoStatusReceived;
        if (payload.Length >= 2 && !WebSocketFrame.IsValidCloseCode(code))
        {
            return Fail(WebSocketCloseCode.ProtocolError, "A close frame carries a status code that may not be sent.");
        }

        var reason = payload.Length > 2 ? payload.Slice(2) : default;
        if (!Utf8.IsValid(reason))
        {
            return Fail(WebSocketCloseCode.InvalidPayloadData, "A close reason is not valid UTF-8.");
        }

        if (_state == (int)ConnectionState.Open)
        {
            WriteFrame(Opcode.Close, payload.Length >= 2 ? payload.Slice(0, 2) : default);
            NotifyClosed((WebSocketCloseCode)code, Encoding.UTF8.GetString(reason));
        }
        else
        {
            NotifyClosed(_sentCode, _sentReason); // the client answered the server's close
        }

        return false;
    }

    private void Append(ReadOnlySpan<byte> payload)
    {
        var needed = _messageLength + payload.Length;
        if (_message is null || _message.Length < needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(4096, (_message?.Length ?? 0) * 2)));
            if (_message is not null)
            {
                _message.AsSpan(0, _messageLength).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_message);
            }

            _message = larger;
        }

        payload.CopyTo(_message.AsSpan(_messageLength));
        _messageLength = needed;
    }

    // Moves queued frames to the output until it holds enough to send; true when some are left for the next run.
    private bool Drain()
    {
        lock (_lock)
        {
            while (_unsent < DrainThreshold && _queue.TryDequeue(out var item))
            {
                _queuedBytes -= item.Length;
                _response!.Output.Write(item.Span);
                _unsent += item.Length;
                item.Release();
            }

            return _queue.Count > 0;
        }
    }

    // The keep-alive: a ping after KeepAliveInterval of silence; false when it went unanswered for KeepAliveTimeout.
    private bool KeepAlive(long receivedAt, long now)
    {
        var interval = _options.KeepAliveInterval;
        if (interval < TimeSpan.Zero)
        {
            return true;
        }

        if (_pingSentAt != 0 && receivedAt != _receivedAtPing)
        {
            _pingSentAt = 0; // bytes came after the ping: the client is there
        }

        if (_pingSentAt == 0)
        {
            if (now - receivedAt >= (long)interval.TotalMilliseconds)
            {
                Span<byte> stamp = stackalloc byte[8];
                BinaryPrimitives.WriteInt64BigEndian(stamp, now);
                WriteFrame(Opcode.Ping, stamp);
                _pingSentAt = now;
                _receivedAtPing = receivedAt;
            }

            return true;
        }

        return now - _pingSentAt < (long)_options.KeepAliveTimeout.TotalMilliseconds;
    }

    private void SendClose(WebSocketCloseCode code, string? reason, long now)
    {
        Span<byte> payload = stackalloc byte[2 + MaxCloseReasonBytes];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)code);
        var length = 2;
        if (!string.IsNullOrEmpty(reason))
        {
            Utf8.FromUtf16(reason, payload.Slice(2), out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            length += written; // cut at a character boundary when longer
        }

        WriteFrame(Opcode.Close, payload.Slice(0, length));
        _sentCode = code;
        _sentReason = reason ?? "";
        _closeDeadline = now + (long)_options.CloseTimeout.TotalMilliseconds;
        lock (_lock)
        {
            _state = (int)ConnectionState.Closing;
        }
    }

    // The client broke the protocol: a close frame with the code, and the connection closes now (RFC 6455 §7.1.7).
    private bool Fail(WebSocketCloseCode code, string reason)
    {
        if (_state == (int)ConnectionState.Open)
        {
            SendClose(code, reason, Environment.TickCount64);
        }

        NotifyClosed(code, reason);
        return false;
    }

    private UpgradedStep Drop(WebSocketCloseCode code, string reason)
    {
        NotifyClosed(code, reason);
        return UpgradedStep.Close;
    }

    private void WriteFrame(byte opcode, ReadOnlySpan<byte> payload)
    {
        ref var output = ref _response!.Output;
        var span = output.GetSpan(WebSocketFrame.MaxServerHeaderLength + payload.Length);
        var header = WebSocketFrame.WriteHeader(span, opcode, payload.Length);
        payload.CopyTo(span.Slice(header));
        output.Advance(header + payload.Length);
        _unsent += header + payload.Length;
    }

    // Runs a handler callback; a throw is reported and closes the connection with 1011.
    private bool Call<TArgument>(CallbackAction<TArgument> callback, TArgument argument)
        where TArgument : allows ref struct
    {
        try
        {
            callback(this, argument);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _reportError?.Invoke(exception);
            return Fail(WebSocketCloseCode.InternalServerError, "The server failed to handle a message.");
        }
    }

    private delegate void CallbackAction<TArgument>(WebSocketConnection connection, TArgument argument)
        where TArgument : allows ref struct;

    private readonly ref struct Message(WebSocketMessageType type, ReadOnlySpan<byte> payload)
    {
        public WebSocketMessageType Type { get; } = type;

        public ReadOnlySpan<byte> Payload { get; } = payload;
    }
}
