using System.Buffers;
using System;
using HyperRoute.Http.Parsing;
using HyperRoute.Routing;

namespace HyperRoute.Http.Server;

/// <summary>
/// The HTTP/1.1 side of one connection, independent of how bytes move: a pooled receive buffer, the parser
/// state, the exchange handed to the endpoint, and the output waiting to be sent. A transport (the epoll
/// event loop on Linux, an async <see cref="System.Net.Sockets.Socket"/> loop elsewhere) receives into
/// <see cref="ReceiveSpace"/>, calls <see cref="Received"/> and <see cref="Run"/>, and sends
/// <see cref="PendingOutput"/>. Pipelined requests are answered in order; a keep-alive connection reuses its
/// buffers and exchange, so a request in steady state allocates nothing. An asynchronous handler that has not
/// completed parks the connection (<see cref="Next.Wait"/>; see <c>Http1Connection.Pending.cs</c>).
/// </summary>
internal sealed partial class Http1Connection<TEndpoint> : IResponseTransport
    where TEndpoint : struct, IHttpEndpoint
{
    private const int InitialBufferSize = 4096;
    private const int LargeBufferSize = 64 * 1024;
    private const int OutputFlushThreshold = 64 * 1024;

    private readonly HttpServer<TEndpoint> _server;
    private readonly TEndpoint _endpoint;
    private readonly HttpServerOptions _options;
    private readonly HttpLimits _limits;
    private readonly HttpExchange _exchange = new();
    private readonly IBlockingSender _sender;
    private readonly IConnectionWaker _waker;

    private byte[] _buffer;
    private int _start;      // first byte of the current request
    private int _filled;     // end of the received bytes
    private Phase _phase;
    private int _parsedUpTo;     // bytes of the current head seen by the last (incomplete) parse
    private int _parseAgainAt;   // parse again once this many bytes are in, even without a sign of the head's end
    private HttpRequestHead _head;
    private int _bodyStart;  // index of the body's first byte
    private ChunkedDecoder _chunked;
    private bool _continueSent;
    private long _headStartedAt;
    private bool _closeAfterOutput;
    private int _outputSent;     // bytes at the start of the output already sent
    private volatile bool _closing;

    public Http1Connection(HttpServer<TEndpoint> server, TEndpoint endpoint, IBlockingSender sender, IConnectionWaker waker)
    {
        _waker = waker;
        _server = server;
        _endpoint = endpoint;
        _options = server.Options;
        _exchange.ServiceRoot = _options.Services; // handlers' [FromServices] parameters: a scope per request, on first use
        _limits = _options.Limits;
        _sender = sender;
        _exchange.Peer = sender as IPeerAddress;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        BeginConnectionTelemetry();
    }

    private enum Phase : byte
    {
        Head,
        FixedBody,
        ChunkedBody,
        StreamedBody, // the handler runs and reads the body as it arrives (Http1Connection.StreamedBody.cs)
    }

    /// <summary>What the transport should do after <see cref="Run"/>.</summary>
    public enum Next : byte
    {
        /// <summary>Send the pending output (if any), then receive more.</summary>
        Receive,
        /// <summary>The output is large: send it, then call <see cref="Run"/> again before receiving.</summary>
        SendThenRun,
        /// <summary>Send the pending output, then close the connection.</summary>
        Close,
        /// <summary>
        /// A handler is pending: send the pending output (then call <see cref="OutputSent"/>), stop receiving, and
        /// call <see cref="Run"/> again when woken (<see cref="IConnectionWaker.Wake"/>).
        /// </summary>
        Wait,
    }

    /// <summary>The bytes to send: whole responses, in request order.</summary>
    public ReadOnlyMemory<byte> PendingOutput => _exchange.Response.Output.WrittenMemory.Slice(_outputSent);

    /// <summary>No request has started: the connection is between requests.</summary>
    public bool IsBetweenRequests => _phase == Phase.Head && _filled == _start && !_waiting && _upgraded is null;

    /// <summary>Shutdown was requested: finish the request in progress, then close.</summary>
    public bool IsClosing => _closing;

    /// <summary>Asks the connection to close after the response in progress (or now, if none is).</summary>
    public void BeginClose()
    {
        _closing = true;
        OnBeginClose(); // an upgraded connection says goodbye in its own protocol; a long response is told to end
    }

    /// <summary>
    /// When the wait for the next bytes expires (a <see cref="Environment.TickCount64"/> value), after which the
    /// transport calls <see cref="TimedOut"/>: between requests, <see cref="HttpServerOptions.KeepAliveTimeout"/>
    /// from now; inside a head, <see cref="HttpServerOptions.RequestHeadersTimeout"/> from the head's first byte
    /// (a client that trickles bytes does not extend it); inside a body,
    /// <see cref="HttpServerOptions.RequestBodyTimeout"/> from now.
    /// </summary>
    public long Deadline(long now)
    {
        if (_upgraded is not null)
        {
            return UpgradedDeadline(now);
        }

        if (_phase == Phase.StreamedBody)
        {
            return StreamedBodyDeadline(now);
        }

        if (_phase != Phase.Head)
        {
            return now + (long)_options.RequestBodyTimeout.TotalMilliseconds;
        }

        return _filled > _start
            ? _headStartedAt + (long)_options.RequestHeadersTimeout.TotalMilliseconds
            : now + (long)_options.KeepAliveTimeout.TotalMilliseconds;
    }

    /// <summary>Free space at the end of the receive buffer (grown or compacted as needed).</summary>
    public Memory<byte> ReceiveSpace
    {
        get
        {
            if (_upgraded is not null)
            {
                return UpgradedReceiveSpace();
            }

            if (_phase == Phase.StreamedBody)
            {
                return _buffer.AsMemory(_filled); // the body's window: never moved or grown while the handler holds the request
            }

            if (_filled == _buffer.Length)
            {
                Reserve(_buffer.Length - _start + InitialBufferSize);
            }

            return _buffer.AsMemory(_filled);
        }
    }

    /// <summary><paramref name="count"/> bytes were received into <see cref="ReceiveSpace"/>.</summary>
    public void Received(int count)
    {
        if (_filled == _start && _phase == Phase.Head)
        {
            _headStartedAt = Environment.TickCount64;
        }

        _filled += count;
        _receivedAt = Environment.TickCount64; // an upgraded protocol's keep-alive counts from the last bytes in
    }

    /// <summary>The bytes of <see cref="PendingOutput"/> that went out.</summary>
    public void Sent(int count)
    {
        // Advance past what went out rather than moving the rest down: a large response sent in many pieces is
        // not copied once per piece.
        _outputSent += count;
        if (_outputSent >= _exchange.Response.Output.Length)
        {
            _exchange.Response.Output.Clear();
            _outputSent = 0;
        }
    }

    /// <summary>
    /// The wait for bytes expired: a request in progress gets a 408 (then close); an idle keep-alive connection
    /// just closes.
    /// </summary>
    public void TimedOut()
    {
        if (_upgraded is not null)
        {
            return; // its timers (keep-alive pings, the close handshake) are looked at by the next Run
        }

        if (_waiting)
        {
            StreamedBodyTimedOut(); // the only wait with a receive deadline: a streamed body for the pending handler
            return;
        }

        if (!IsBetweenRequests)
        {
            Reject(HttpError.RequestTimeout);
        }

        _closeAfterOutput = true;
    }

    /// <summary>Serves every complete request in the buffer, in order.</summary>
    public Next Run()
    {
        while (!_closeAfterOutput)
        {
            if (_upgraded is not null)
            {
                return RunUpgraded();
            }

            if (_waiting)
            {
                if (!Resume())
                {
                    return _closeAfterOutput ? Next.Close : _receivingBody ? Next.Receive : Next.Wait;
                }

                continue; // answered: the answer may have ended the connection
            }

            if (_closing && IsBetweenRequests)
            {
                return Next.Close;
            }

            if (!Process())
            {
                return Next.Receive;
            }

            if (_exchange.Response.Output.Length >= OutputFlushThreshold && !_closeAfterOutput)
            {
                return Next.SendThenRun;
            }
        }

        return Next.Close;
    }

    // Parses and serves at most one request; false when more bytes are needed.
    private bool Process()
    {
        if (_phase == Phase.Head)
        {
            var received = _buffer.AsSpan(_start, _filled - _start);
            if (!WorthParsing(received))
            {
                return false;
            }

            var slots = _exchange.Request.SlotsFor<TEndpoint>();
            if (!HttpRequestParser.TryParse<TEndpoint>(received, _limits, out _head, slots, out var error))
            {
                if (error != HttpError.None)
                {
                    Reject(error);
                    return true;
                }

                // Incomplete: parse again when the head may have ended, or when twice as many bytes are in.
                _parsedUpTo = received.Length;
                _parseAgainAt = received.Length * 2;
                return false;
            }

            var length = _head.Length;
            _bodyStart = _start + length;
            _continueSent = false;
            _streamDecision = 0;
            if (_head.IsChunked)
            {
                _phase = Phase.ChunkedBody;
                _chunked.Reset(_bodyStart);
            }
            else if (_head.ContentLength > 0)
            {
                _phase = Phase.FixedBody;
            }
            else
            {
                Serve(0, _bodyStart);
                return true;
            }
        }

        if (_phase == Phase.FixedBody)
        {
            var end = _bodyStart + _head.ContentLength;
            if (_filled >= end)
            {
                Serve((int)_head.ContentLength, (int)end);
                return true;
            }

            if (StreamsBody())
            {
                ServeStreamed();
                return true;
            }

            // The buffer grows as the body arrives (ReceiveSpace doubles it when full), not on the client's word:
            // a Content-Length alone reserves nothing.
            SendContinue();
            return false;
        }

        var chunkError = _chunked.Decode(_buffer, ref _filled, _limits, out var complete);
        if (chunkError != HttpError.None)
        {
            Reject(chunkError);
            return true;
        }

        if (complete)
        {
            Serve(_chunked.Position - _bodyStart, _chunked.Position);
            return true;
        }

        if (StreamsBody())
        {
            ServeStreamed();
            return true;
        }

        SendContinue();
        return false;
    }

    // A head that was incomplete is parsed again only when the new bytes may end it (an empty line) or have
    // doubled what there was: a client sending one byte at a time costs a small search per byte, and the
    // parses add up to a few passes over the head, not one per byte. A violation in the new bytes is still
    // found by the next parse, at the latest when the head ends or the limits are exceeded.
    private bool WorthParsing(ReadOnlySpan<byte> received)
    {
        if (_parsedUpTo == 0 || received.Length >= _parseAgainAt)
        {
            return true;
        }

        var fresh = received.Slice(Math.Max(0, _parsedUpTo - 2));
        return fresh.IndexOf("\n\r\n"u8) >= 0 || fresh.IndexOf("\n\n"u8) >= 0;
    }

    // Runs the endpoint on the parsed request; the next request starts at nextStart.
    private void Serve(int bodyLength, int nextStart)
    {
        var request = _exchange.Request;
        var response = _exchange.Response;
        request.Set(_buffer, _start, _head, new HttpSlice(_bodyStart - _start, bodyLength));
        if (_phase == Phase.StreamedBody)
        {
            request.StreamBodyFrom(this);
        }

        var close = !_head.KeepAlive || _closing;
        response.Reset(request.IsHead, close, keepAliveHeader: !close && _head.Version == HttpVersion.Http10, transport: this);
        BeginRequestTelemetry();
        if (_head.IsAsteriskForm)
        {
            // OPTIONS * asks about the server, not a resource (RFC 9112 §3.2.4, RFC 9110 §9.3.7): answered here, no route runs.
            response.WriteAllow(200, ServerMethods);
            Served(nextStart, close);
            return;
        }

        try
        {
            _serveThread = Environment.CurrentManagedThreadId; // a flush from this thread, now, is the handler running in place
            var match = _endpoint.Serve(_exchange); // a route it matched noted itself on the exchange first, should it throw
            _serveThread = 0;
            _exchange.Route = match.Route; // the match has the last word (an endpoint written by hand notes nothing)

            if (match.IsPending)
            {
                var work = _exchange.TakePending(out var timeout);
                if (!work.IsCompleted)
                {
                    Park(work, match.Route, nextStart, close, timeout);
                    DetachRequestActivity();
                    return;
                }

                work.GetAwaiter().GetResult(); // completed already: a fault throws here
                match = RouteMatch.Handled(match.Route);
            }

            SettleStreamedBody(ref nextStart, ref close);
            Answer(match);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            close |= Fault(exception);
        }

        Served(nextStart, close);
    }

    // Writes the response of a request whose handler is done (or that no handler took).
    private void Answer(RouteMatch match)
    {
        var response = _exchange.Response;
        SettleFlush(); // a flush asked for and not awaited: its chunk goes out with the rest
        response.Close |= _closing || _server.IsStopping; // shutdown began while the handler ran: say so
        if (match.IsAnswered && TryUpgrade())
        {
            return; // the handler accepted a protocol switch: 101 written, the connection speaks it from now on
        }

        if (match.IsAnswered)
        {
            response.Complete(); // a handler ran, or a validator wrote its problem
        }
        else
        {
            response.WriteRoutingProblem(match, TEndpoint.ParameterName(match));
        }
    }

    // A handler threw: a 500 problem when nothing went out yet; true when the connection must close.
    private bool Fault(Exception exception)
    {
        _serveThread = 0;
        SettleFlush();
        _requestFault = exception;
        if (exception is ClientDisconnectedException)
        {
            return true; // the client left while a streamed response was being sent: nothing to answer, nothing to report
        }

        _server.ReportHandlerError(exception, _exchange.Route);
        _exchange.Response.TryWriteServerError(); // when part of a chunked body went out, closing is all that is left
        return true;
    }

    // The request is answered: count it and move on to the next one, which starts at nextStart.
    private void Served(int nextStart, bool close)
    {
        var response = _exchange.Response;
        StreamedBodyServed(ref nextStart, ref close);
        EndRequestTelemetry(response.StatusCode);
        _exchange.ResetAborted();
        _server.CountRequest();
        _start = nextStart;
        _phase = Phase.Head;
        _parsedUpTo = 0;
        _parseAgainAt = 0;
        _headStartedAt = Environment.TickCount64; // pipelined bytes already here start the next head now
        if (_start == _filled)
        {
            _start = _filled = 0;
            if (_buffer.Length > LargeBufferSize)
            {
                // A large body passed through: give the big array back rather than hold it while idle.
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
            }
        }

        _closeAfterOutput |= close || response.Close;
    }

    private void Reject(HttpError error)
    {
        var response = _exchange.Response;
        response.Reset(isHead: false, close: true, keepAliveHeader: false, transport: null);
        if (error == HttpError.BodyTooLarge)
        {
            // About the body, not the protocol: a problem, as the other errors answered after the head are.
            response.WriteProblem(413, "The request body is larger than the server accepts (MaxRequestBodySize)."u8);
        }
        else
        {
            response.WriteError(error.StatusCode(), error.Message());
        }

        _server.CountRejection();
        RejectionTelemetry(error);
        _closeAfterOutput = true;
    }

    /// <summary>
    /// The <c>Allow</c> of <c>OPTIONS *</c>: the methods the server serves (every <see cref="HttpMethods"/> flag a route
    /// can take), without <c>CONNECT</c>, whose authority-form target the server refuses.
    /// </summary>
    private const HttpMethods ServerMethods = HttpMethods.Get | HttpMethods.Head | HttpMethods.Post | HttpMethods.Put
        | HttpMethods.Delete | HttpMethods.Patch | HttpMethods.Options | HttpMethods.Trace;

    // Expect: 100-continue — the client waits for this before sending the body.
    private void SendContinue()
    {
        if (_head.ExpectContinue && !_continueSent && _head.Version == HttpVersion.Http11)
        {
            _continueSent = true;
            _exchange.Response.Output.Write("HTTP/1.1 100 Continue\r\n\r\n"u8);
        }
    }

    // Makes the buffer hold at least `size` bytes from the current request's start.
    private void Reserve(int size)
    {
        if (_start == 0 && size <= _buffer.Length)
        {
            return;
        }

        var target = size <= _buffer.Length ? _buffer : ArrayPool<byte>.Shared.Rent(Math.Max(size, _buffer.Length * 2));
        _buffer.AsSpan(_start, _filled - _start).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _filled -= _start;
        _bodyStart -= _start;
        _chunked.Shift(_start);
        _start = 0;
    }
}
