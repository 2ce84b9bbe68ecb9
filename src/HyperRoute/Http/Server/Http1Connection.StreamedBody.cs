using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Parsing;

namespace HyperRoute.Http.Server;

/// <summary>
/// Streamed request bodies. When the endpoint asks for it (<see cref="IHttpEndpoint.StreamsRequestBody"/>) and a
/// body has not all arrived with its head, the handler runs at once and reads the body with
/// <see cref="HttpRequest.ReadBodyAsync"/> while the connection receives it. The head stays where the request's
/// views point; the body passes through a bounded window after it, and the connection receives only when the
/// handler's read finds the window empty, so the client is held back by the handler (TCP flow control), never
/// buffered ahead. As for flushes, the handler's thread never touches the buffer: a read is a request the owner
/// serves on its thread (<see cref="IConnectionWaker.Wake"/>), copying into the handler's memory while it awaits.
/// A chunked body is de-chunked with the server's limits; a malformed one is answered 400 (413 past
/// <see cref="HttpLimits.MaxRequestBodySize"/>, 408 when it stops arriving) without the handler, whose read fails.
/// </summary>
internal sealed partial class Http1Connection<TEndpoint> : IRequestBodyReader
{
    private const int MinStreamWindow = 32 * 1024;

    private byte _streamDecision;           // for the head being served: 0 not asked yet, 1 streams, 2 buffers
    private ReusableSignal? _readSignal;
    private Memory<byte> _readDestination;  // the pending read's memory, written only while the handler awaits it
    private int _readRequested;             // 1: the handler waits for a read the owner has not served yet
    private volatile bool _receivingBody;   // the pending read needs bytes: the transport receives while parked
    private int _bodyRead;                  // the first decoded body byte not yet handed to the handler
    private long _streamRemaining;          // Content-Length body: bytes not yet handed to the handler
    private bool _chunkedComplete;          // chunked body: the last chunk and the trailer section are decoded
    private volatile Exception? _bodyFault; // the body cannot be read any further: every read fails with this

    /// <summary>
    /// The pending handler reads a streamed body whose next bytes have not arrived: the transport receives (and
    /// calls <see cref="Run"/>) although <see cref="IsWaiting"/> is set; its deadline is <see cref="Deadline"/>.
    /// </summary>
    public bool IsReceivingBody => _receivingBody;

    // Process's question, once per head: does the endpoint take this body as a stream?
    private bool StreamsBody()
    {
        if (_streamDecision == 0)
        {
            var request = _exchange.Request;
            request.Set(_buffer, _start, _head, new HttpSlice(_bodyStart - _start, 0));
            try
            {
                _streamDecision = TEndpoint.StreamsRequestBody(request) ? (byte)1 : (byte)2;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _server.ReportHandlerError(exception, -1);
                _streamDecision = 2; // the endpoint's question failed: the body is buffered, as by default
            }
        }

        return _streamDecision == 1;
    }

    // The head is here and the body is on its way: serve the request now, with the body read as the handler asks.
    private void ServeStreamed()
    {
        // The window holds at least a whole chunk-size line or trailer field after the head, so a read that finds no
        // decoded byte always has room to receive the rest of the line.
        var window = Math.Max(MinStreamWindow, _limits.MaxRequestHeadersTotalSize + _limits.MaxChunkLineSize + 2);
        Reserve(_bodyStart - _start + window);
        _phase = Phase.StreamedBody;
        _bodyRead = _bodyStart;
        _streamRemaining = _head.IsChunked ? 0 : _head.ContentLength;
        _chunkedComplete = false;
        _bodyFault = null;
        _readDestination = default;
        Volatile.Write(ref _readRequested, 0);
        _readSignal ??= new ReusableSignal();
        Serve(0, -1); // where the next request starts is known once the body has ended
    }

    ValueTask<int> IRequestBodyReader.ReadBodyAsync(Memory<byte> destination)
    {
        if (_bodyFault is { } fault)
        {
            return ValueTask.FromException<int>(fault);
        }

        if (Volatile.Read(ref _readRequested) == 1)
        {
            return ValueTask.FromException<int>(new InvalidOperationException("A body read is in progress: await ReadBodyAsync before reading again."));
        }

        if (OnServeThread())
        {
            // The handler runs in place, on the owner's thread: bytes already decoded are handed over at once.
            TakeBody(destination.Span, decode: false, out var count, out var delivered);
            if (delivered)
            {
                return new ValueTask<int>(count);
            }
        }

        var read = _readSignal!.WaitForCountAsync();
        _readDestination = destination;
        Volatile.Write(ref _readRequested, 1);
        if (_bodyFault is { } late && Interlocked.Exchange(ref _readRequested, 0) == 1)
        {
            _readSignal.Fail(late); // the body failed while this read was being asked for: nobody else answers it
            return read;
        }

        if (!OnServeThread())
        {
            _waker.Wake(); // parked (or about to be): the owner serves the read
        }

        return read;
    }

    // Resume's hook (owner's thread): serves the handler's read from the window, or asks the transport for bytes.
    private void ServeBodyRead()
    {
        _receivingBody = false;
        if (_phase != Phase.StreamedBody || Volatile.Read(ref _readRequested) == 0 || _bodyFault is not null)
        {
            return;
        }

        var error = TakeBody(_readDestination.Span, decode: true, out var count, out var delivered);
        if (error != HttpError.None)
        {
            FailStreamedBody(error);
            return;
        }

        if (!delivered)
        {
            SendContinue(); // the first read that needs the body lets a client that expects 100-continue send it
            _receivingBody = true;
            return;
        }

        _readDestination = default;
        Volatile.Write(ref _readRequested, 0); // before the completion: the handler may ask again at once
        _readSignal!.Set(count);
    }

    // Hands decoded body bytes to `destination`; delivered with count 0 at the end of the body. With `decode`, an
    // empty window is compacted and whatever arrived is de-chunked first (owner's thread, outside the handler's
    // inline run only: a framing error is answered then).
    private HttpError TakeBody(Span<byte> destination, bool decode, out int count, out bool delivered)
    {
        count = 0;
        delivered = false;
        if (!_head.IsChunked)
        {
            if (_streamRemaining == 0)
            {
                delivered = true;
                return HttpError.None;
            }

            var available = (int)Math.Min(_filled - _bodyRead, _streamRemaining);
            if (available == 0)
            {
                if (decode)
                {
                    _filled = _bodyRead = _bodyStart; // everything was handed over: the whole window is free again
                }

                return HttpError.None;
            }

            count = Math.Min(available, destination.Length);
            _buffer.AsSpan(_bodyRead, count).CopyTo(destination);
            _bodyRead += count;
            _streamRemaining -= count;
            delivered = true;
            return HttpError.None;
        }

        if (decode && _bodyRead == _chunked.Position && !_chunkedComplete)
        {
            var consumed = _bodyRead - _bodyStart;
            if (consumed > 0)
            {
                // The decoded bytes were all handed over: the undecoded rest moves down to the window's start.
                _buffer.AsSpan(_bodyRead, _filled - _bodyRead).CopyTo(_buffer.AsSpan(_bodyStart));
                _filled -= consumed;
                _chunked.Shift(consumed);
                _bodyRead = _bodyStart;
            }

            var error = _chunked.Decode(_buffer, ref _filled, _limits, out _chunkedComplete);
            if (error != HttpError.None)
            {
                return error;
            }
        }

        var decoded = _chunked.Position - _bodyRead;
        if (decoded > 0)
        {
            count = Math.Min(decoded, destination.Length);
            _buffer.AsSpan(_bodyRead, count).CopyTo(destination);
            _bodyRead += count;
            delivered = true;
            return HttpError.None;
        }

        delivered = _chunkedComplete;
        return HttpError.None;
    }

    // The handler is done (owner's thread), before its response is written: the rest of the body is skipped when it
    // is all here already; otherwise the connection closes after the response (the client is still sending a body
    // nobody reads, and the response says Connection: close).
    private void SettleStreamedBody(ref int nextStart, ref bool close)
    {
        if (_phase != Phase.StreamedBody)
        {
            return;
        }

        _phase = Phase.Head;
        if (!_head.IsChunked)
        {
            if (_filled - _bodyRead >= _streamRemaining)
            {
                nextStart = _bodyRead + (int)_streamRemaining;
                return;
            }
        }
        else if (_chunkedComplete
            || (_bodyFault is null && _chunked.Decode(_buffer, ref _filled, _limits, out _chunkedComplete) == HttpError.None && _chunkedComplete))
        {
            nextStart = _chunked.Position;
            return;
        }

        nextStart = _filled;
        close = true;
        _exchange.Response.Close = true;
    }

    // Served's hook: a request whose end was not settled (its handler failed) closes the connection.
    private void StreamedBodyServed(ref int nextStart, ref bool close)
    {
        if (nextStart < 0)
        {
            nextStart = _filled;
            close = true;
        }

        _receivingBody = false;
    }

    // The body's framing is malformed, too large, or it stopped arriving (owner's thread): the request is answered
    // here (unless the handler's response head went out), the handler's read fails, and the connection closes.
    private void FailStreamedBody(HttpError error)
    {
        var response = _exchange.Response;
        var headSent = response.HeadWritten;
        var status = error.StatusCode();
        EndRequestTelemetry(status);
        RejectionTelemetry(error);
        _server.CountRejection();
        Abandon(new RequestBodyException(status, error == HttpError.RequestTimeout
            ? "The client stopped sending the request body (RequestBodyTimeout)."
            : "The request body is not acceptable: " + System.Text.Encoding.ASCII.GetString(error.Message()).TrimEnd()));
        if (!headSent)
        {
            // The handler may still be writing its own response object: the answer is built apart and appended.
            var answer = new HttpResponse();
            answer.Reset(_exchange.Request.IsHead, close: true, keepAliveHeader: false, transport: null);
            if (error == HttpError.BodyTooLarge)
            {
                answer.WriteProblem(413, "The request body is larger than the server accepts (MaxRequestBodySize)."u8);
            }
            else
            {
                answer.WriteError(status, error.Message());
            }

            response.Output.Write(answer.Output.Written);
            answer.Release();
        }

        _closeAfterOutput = true;
    }

    // Abandon's hook: a read the handler waits for (or asks for later) fails with why the request was given up.
    private void FailBodyRead(Exception error)
    {
        _receivingBody = false;
        if (_phase != Phase.StreamedBody)
        {
            return;
        }

        _bodyFault ??= error;
        if (Interlocked.Exchange(ref _readRequested, 0) == 1)
        {
            _readDestination = default;
            _readSignal!.Fail(_bodyFault);
        }
    }

    // A wait inside a streamed body is bounded by the body timeout and by the handler's own time limit.
    private long StreamedBodyDeadline(long now)
        => Math.Min(now + (long)_options.RequestBodyTimeout.TotalMilliseconds, _workDeadline);

    // TimedOut's hook while the connection receives a streamed body for its pending handler: past the handler's
    // limit it is a 504, as for any pending handler; otherwise the client stopped sending the body, a 408.
    private void StreamedBodyTimedOut()
    {
        if (Environment.TickCount64 >= _workDeadline)
        {
            Expire(504, "The handler did not complete within its time limit."u8);
        }
        else
        {
            FailStreamedBody(HttpError.RequestTimeout);
        }
    }
}
