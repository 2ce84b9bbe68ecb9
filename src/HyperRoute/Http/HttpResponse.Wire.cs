using System;
using System.Buffers;
using System.Buffers.Text;
using HyperRoute.Http.Server;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>How the server turns the response into bytes: status line, headers, Content-Length or chunked framing, errors.</summary>
public sealed partial class HttpResponse
{
    /// <summary>Readies the response for a new request.</summary>
    /// <param name="isHead">The request is a HEAD: no body is sent.</param>
    /// <param name="close">The connection closes after this response.</param>
    /// <param name="keepAliveHeader">An HTTP/1.0 client asked for keep-alive: say <c>Connection: keep-alive</c>.</param>
    /// <param name="transport">Where flushed chunks go; <see langword="null"/> to keep them in <see cref="Output"/>.</param>
    internal void Reset(bool isHead, bool close, bool keepAliveHeader, IResponseTransport? transport)
    {
        _keepAliveHeader = keepAliveHeader;
        _status = 200;
        _headers.Clear();
        _body.Clear();
        _chunked = false;
        _statedLength = NoStatedLength;
        _headWritten = false;
        _isHead = isHead;
        _close = close;
        _transport = transport;
    }

    /// <summary>The status line and headers went out (a chunk was flushed): the response can no longer be replaced.</summary>
    internal bool HeadWritten => _headWritten;

    /// <summary>Closes the connection after this response (the server is stopping, or the request said so).</summary>
    internal bool Close
    {
        get => _close;
        set => _close = value;
    }

    /// <summary>
    /// Moves the body written so far into <see cref="Output"/> as a chunk (the head first, once); false when the
    /// response is not chunked. The connection's worker calls it for a flush, so that only its thread touches
    /// <see cref="Output"/>.
    /// </summary>
    internal bool AppendChunk()
    {
        if (!_chunked)
        {
            return false;
        }

        WriteHead(-1);
        if (_body.Length > 0 && !_isHead)
        {
            WriteChunkSize(_body.Length);
            Output.Write(_body.Written);
            Output.Write("\r\n"u8);
        }

        _body.Clear();
        return true;
    }

    /// <summary>Writes the whole response (or, for a chunked one, its last chunk) to <see cref="Output"/>.</summary>
    internal void Complete()
    {
        if (_chunked)
        {
            WriteHead(-1);
            if (!_isHead)
            {
                if (_body.Length > 0)
                {
                    WriteChunkSize(_body.Length);
                    Output.Write(_body.Written);
                    Output.Write("\r\n"u8);
                }

                Output.Write("0\r\n\r\n"u8);
            }
        }
        else
        {
            WriteHead(_body.Length);
            if (!_isHead && !HttpStatus.HasNoContent(_status))
            {
                Output.Write(_body.Written);
            }
        }

        _body.Clear();
        _headers.Clear();
    }

    /// <summary>
    /// Writes a complete, minimal <c>text/plain</c> response for a request the server rejected before routing it (a
    /// protocol error or a limit; the connection closes after it).
    /// </summary>
    internal void WriteError(int status, ReadOnlySpan<byte> message)
    {
        _status = status;
        _headers.Clear();
        _body.Clear();
        _chunked = false;
        _headWritten = false;
        if (!message.IsEmpty)
        {
            SetContentType("text/plain; charset=utf-8"u8);
            _body.Write(message);
        }

        Complete();
    }

    /// <summary>
    /// Writes a complete <c>application/problem+json</c> response for a request no handler took: 404, 405 with
    /// <c>Allow</c>, or a 400 naming <paramref name="parameter"/> (the handler parameter at fault, when known).
    /// </summary>
    internal void WriteRoutingProblem(RouteMatch match, string? parameter)
    {
        _headWritten = false;
        RoutingProblems.Write(this, match, parameter);
        AppendAllow(match.Allow);
        Complete();
    }

    /// <summary>Writes a complete response with no body and an <c>Allow</c> of <paramref name="allow"/> (<c>OPTIONS *</c>).</summary>
    internal void WriteAllow(int status, HttpMethods allow)
    {
        _status = status;
        _headers.Clear();
        _body.Clear();
        _chunked = false;
        _headWritten = false;
        AppendAllow(allow);
        Complete();
    }

    private void AppendAllow(HttpMethods allow)
    {
        if (allow == HttpMethods.None)
        {
            return;
        }

        _headers.Write("Allow: "u8);
        var span = _headers.GetSpan(64);
        MethodToken.TryFormatAllow(allow, span, out var written);
        _headers.Advance(written);
        _headers.Write("\r\n"u8);
    }

    /// <summary>
    /// Replaces whatever the handler wrote with a 500 when nothing has been sent yet; <see langword="false"/>
    /// when part of a chunked body already went out (the connection must then be cut).
    /// </summary>
    internal bool TryWriteServerError()
    {
        if (_headWritten && _chunked)
        {
            return false;
        }

        _close = true;
        WriteProblem(500, "The handler failed; the server reported the exception."u8);
        return true;
    }

    /// <summary>
    /// Replaces whatever the response held with <paramref name="status"/> as <c>application/problem+json</c>
    /// (RFC 9457) and writes it to <see cref="Output"/>.
    /// </summary>
    internal void WriteProblem(int status, ReadOnlySpan<byte> detail)
    {
        _headWritten = false;
        _chunked = false;
        ProblemJson.Write(this, status, default, detail);
        Complete();
    }

    /// <summary>
    /// The request was answered without this response (its handler outlived its time limit, or the client left):
    /// whatever the handler still writes stays in these buffers and is discarded; a flush fails with
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    internal void Abandon() => _transport = AbandonedTransport.Instance;

    /// <summary>Returns the pooled buffers (the connection is closing).</summary>
    internal void Release()
    {
        _headers.Release();
        _body.Release();
        Output.Release();
    }

    // Status line, the handler's headers, then the server's. contentLength -1: chunked.
    private void WriteHead(long contentLength)
    {
        if (_headWritten)
        {
            return;
        }

        _headWritten = true;
        Output.Write("HTTP/1.1 "u8);
        WriteNumber(_status);
        Output.Write(" "u8);
        Output.Write(HttpStatus.Reason(_status));
        Output.Write("\r\n"u8);
        if (contentLength < 0)
        {
            if (!HttpStatus.HasNoContent(_status))
            {
                Output.Write("Transfer-Encoding: chunked\r\n"u8);
            }
        }
        else if (FramedLength(contentLength) is >= 0 and var length)
        {
            Output.Write("Content-Length: "u8);
            WriteNumber(length);
            Output.Write("\r\n"u8);
        }

        Output.Write(_headers.Written);
        Output.Write("Date: "u8);
        Output.Write(DateHeader.Current);
        Output.Write("\r\nServer: HyperRoute\r\n"u8);
        Output.Write(_close ? "Connection: close\r\n\r\n"u8 : _keepAliveHeader ? "Connection: keep-alive\r\n\r\n"u8 : "\r\n"u8);
    }

    private void WriteNumber(long value)
    {
        var span = Output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        Output.Advance(written);
    }

    private void WriteChunkSize(int size)
    {
        var span = Output.GetSpan(10);
        Utf8Formatter.TryFormat(size, span, out var written, new StandardFormat('x'));
        Output.Advance(written);
        Output.Write("\r\n"u8);
    }
}
