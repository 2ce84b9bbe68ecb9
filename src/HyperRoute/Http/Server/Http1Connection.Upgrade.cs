using System;
using System.Buffers;

namespace HyperRoute.Http.Server;

/// <summary>
/// The protocol switch (a WebSocket after its handshake). A handler accepts it by leaving an
/// <see cref="IUpgradedProtocol"/> on the exchange; when its request is answered, the connection writes the
/// <c>101</c> and from then on its <see cref="Run"/> feeds the receive buffer to that protocol. Nothing else
/// changes: the same transport, worker, buffers and wake-ups serve it, so an idle upgraded connection holds no
/// thread, and its receive and send run on the connection's owner like HTTP requests do.
/// </summary>
internal sealed partial class Http1Connection<TEndpoint>
{
    private const int IdleUpgradedBufferSize = 4096;

    private IUpgradedProtocol? _upgraded;
    private long _receivedAt;
    private int _upgradedReleased;

    /// <summary>The connection switched protocols: its transport serves it until the protocol says close.</summary>
    public bool IsUpgraded => _upgraded is not null;

    // Answer's hook: the handler accepted an upgrade, and the server is not shutting down.
    private bool TryUpgrade()
    {
        var protocol = _exchange.TakeUpgrade();
        if (protocol is null)
        {
            return false;
        }

        var response = _exchange.Response;
        if (response.Close || _exchange.Request.Version != HttpVersion.Http11)
        {
            // Shutdown began, or the client will not keep the connection: no switch, a plain refusal.
            response.Clear();
            response.WriteProblem(503, "The server is shutting down; the protocol switch was refused."u8);
            response.Close = true;
            protocol.Closed();
            return true;
        }

        response.Clear();
        protocol.WriteSwitch(response);
        _receivedAt = Environment.TickCount64;
        _upgraded = protocol;
        protocol.Start(_waker, response, _server.HandlerErrorReporter);
        return true;
    }

    private Next RunUpgraded()
    {
        // Bytes are consumed by moving _start only: the socket transport may have a receive pending into
        // ReceiveSpace, so nothing moves here (ReceiveSpace compacts before the next receive).
        var output = _exchange.Response;
        var step = _upgraded!.Run(
            _buffer.AsSpan(_start, _filled - _start),
            out var consumed,
            output.Output.Length - _outputSent,
            _closing || _server.IsStopping,
            _receivedAt);
        _start += consumed;
        switch (step)
        {
            case UpgradedStep.Close:
                _closeAfterOutput = true;
                return Next.Close;
            case UpgradedStep.SendThenRun:
                return Next.SendThenRun;
            default:
                return Next.Receive;
        }
    }

    /// <summary>
    /// Woken while the socket is full (owner's thread): an upgraded protocol that asked to drop the connection runs
    /// now, so its handler learns why; <see langword="true"/> when the transport is to close the socket at once.
    /// </summary>
    public bool DropsWhileBlocked()
    {
        if (_upgraded is not { DropRequested: true })
        {
            return false;
        }

        RunUpgraded();
        return true;
    }

    private long UpgradedDeadline(long now)
    {
        var due = _upgraded!.Deadline(_receivedAt);
        return due <= now ? now : due;
    }

    private Memory<byte> UpgradedReceiveSpace()
    {
        if (_start == _filled)
        {
            _start = _filled = 0;
            if (_buffer.Length > LargeBufferSize)
            {
                // A large message passed through: an idle connection keeps a small buffer.
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(IdleUpgradedBufferSize);
            }
        }

        var wanted = Math.Max(_upgraded!.BytesWanted, _filled - _start + 1);
        if (_buffer.Length - _start < wanted || _filled == _buffer.Length)
        {
            // The frame in progress does not fit from where it starts: move it down, or into a larger array.
            var target = wanted <= _buffer.Length ? _buffer : ArrayPool<byte>.Shared.Rent(Math.Max(wanted, _buffer.Length * 2));
            _buffer.AsSpan(_start, _filled - _start).CopyTo(target);
            if (!ReferenceEquals(target, _buffer))
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = target;
            }

            _filled -= _start;
            _start = 0;
        }

        return _buffer.AsMemory(_filled);
    }

    // OutputSent's hook: everything went out, so an upgraded connection (idle most of its life) holds no output
    // array; the next send rents one, from the pool's per-thread cache while the connection is busy.
    private void ReleaseUpgradedOutput()
    {
        ref var output = ref _exchange.Response.Output;
        if (_upgraded is not null && _outputSent == 0 && output.Length == 0)
        {
            output.Release();
        }
    }

    // BeginClose's hook: the owner runs an upgraded connection to send the protocol's goodbye; a pending handler
    // (an event stream) sees HttpExchange.Closing cancelled.
    private void OnBeginClose()
    {
        _exchange.SignalClosing();
        if (_upgraded is not null)
        {
            _waker.Wake();
        }
    }

    // Release's hook: the protocol learns that its connection is gone (once).
    private void ReleaseUpgraded()
    {
        if (_upgraded is not null && System.Threading.Interlocked.Exchange(ref _upgradedReleased, 1) == 0)
        {
            _upgraded.Closed();
        }
    }
}
