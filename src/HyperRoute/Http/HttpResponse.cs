using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>
/// The response a handler writes: status, headers and body, held in buffers the connection reuses. The server
/// writes <c>Date</c>, <c>Server</c>, <c>Content-Length</c> (or <c>Transfer-Encoding: chunked</c>) and
/// <c>Connection</c> itself. Bodies are buffered and sent with a <c>Content-Length</c>; call
/// <see cref="StartChunked"/> first to stream a large or open-ended body in chunks instead.
/// </summary>
public sealed class HttpResponse : IBufferWriter<byte>
{
    private const int ChunkFlushThreshold = 16 * 1024;

    private int _status = 200;
    private PooledBuffer _headers;
    private PooledBuffer _body;
    private bool _chunked;
    private bool _headWritten;
    private bool _isHead;
    private bool _close;
    private bool _keepAliveHeader;
    private IResponseTransport? _transport;
    private Utf8JsonWriter? _json;

    /// <summary>The bytes waiting to be sent: whole responses, in request order.</summary>
    internal PooledBuffer Output;

    /// <summary>The status code; 200 unless the handler sets another.</summary>
    public int StatusCode
    {
        get => _status;
        set
        {
            if (value is < 100 or > 999)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A status code has three digits (100-999).");
            }

            if (_headWritten)
            {
                throw new InvalidOperationException("The status cannot change after the response head was sent (a chunk was flushed).");
            }

            _status = value;
        }
    }

    /// <summary>The body bytes written so far (for a chunked response: since the last chunk was sent).</summary>
    public int BodyLength => _body.Length;

    /// <summary>The body written so far (for a chunked response: since the last chunk was sent); valid until the next write.</summary>
    public ReadOnlySpan<byte> Body => _body.Written;

    /// <summary>
    /// Sets a header, replacing any earlier value of the same name (ASCII case-insensitive).
    /// <paramref name="name"/> must be a token and <paramref name="value"/> must hold no control characters (CR
    /// and LF in particular: no header injection). <c>Content-Length</c>, <c>Transfer-Encoding</c>,
    /// <c>Connection</c>, <c>Date</c> and <c>Server</c> belong to the server.
    /// </summary>
    public void SetHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        CheckHeader(name, value);
        RemoveHeader(name);
        AppendHeader(name, value);
    }

    /// <summary>Adds a header line even when one of the same name exists (<c>Set-Cookie</c>, say); same rules as <see cref="SetHeader"/>.</summary>
    public void AddHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        CheckHeader(name, value);
        AppendHeader(name, value);
    }

    /// <summary>The value of the first header named <paramref name="name"/> set so far; <see langword="false"/> when there is none.</summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var line = FindHeader(name, out var length);
        if (line < 0)
        {
            value = default;
            return false;
        }

        value = _headers.Written.Slice(line + name.Length + 2, length - name.Length - 4);
        return true;
    }

    /// <summary>Removes every header named <paramref name="name"/> set so far; <see langword="true"/> when there was one.</summary>
    public bool RemoveHeader(ReadOnlySpan<byte> name)
    {
        var removed = false;
        int line;
        while ((line = FindHeader(name, out var length)) >= 0)
        {
            _headers.Remove(line, length);
            removed = true;
        }

        return removed;
    }

    /// <summary>Starts the response over: status 200, no headers, no body. Not possible once a chunk was sent.</summary>
    public void Clear()
    {
        if (_headWritten)
        {
            throw new InvalidOperationException("The response head was already sent (a chunk was flushed); it cannot be cleared.");
        }

        _status = 200;
        _headers.Clear();
        _body.Clear();
        _chunked = false;
    }

    private void CheckHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (name.IsEmpty || HttpChars.SkipToken(name, 0) != name.Length)
        {
            throw new ArgumentException("A header name must be a non-empty token (letters, digits and !#$%&'*+-.^_`|~).", nameof(name));
        }

        if (!HttpChars.IsFieldValue(value))
        {
            throw new ArgumentException("A header value cannot contain control characters such as CR or LF.", nameof(value));
        }

        if (IsServerHeader(name))
        {
            throw new ArgumentException($"The server writes the {System.Text.Encoding.ASCII.GetString(name)} header itself.", nameof(name));
        }

        if (_headWritten)
        {
            throw new InvalidOperationException("Headers cannot be changed after the response head was sent (a chunk was flushed).");
        }
    }

    private void AppendHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var line = _headers.GetSpan(name.Length + value.Length + 4);
        name.CopyTo(line);
        line[name.Length] = (byte)':';
        line[name.Length + 1] = (byte)' ';
        value.CopyTo(line.Slice(name.Length + 2));
        line[name.Length + 2 + value.Length] = (byte)'\r';
        line[name.Length + 3 + value.Length] = (byte)'\n';
        _headers.Advance(name.Length + value.Length + 4);
    }

    // The offset of the first "name: value\r\n" line with this name, and its length; -1 when none.
    private int FindHeader(ReadOnlySpan<byte> name, out int length)
    {
        var headers = _headers.Written;
        var start = 0;
        while (start < headers.Length)
        {
            var end = start + headers.Slice(start).IndexOf("\r\n"u8) + 2;
            var line = headers.Slice(start, end - start);
            if (line.Length > name.Length && line[name.Length] == ':' && Utf8Literal.EqualsIgnoreCase(line.Slice(0, name.Length), name))
            {
                length = end - start;
                return start;
            }

            start = end;
        }

        length = 0;
        return -1;
    }

    /// <summary>Sets <c>Content-Type</c>.</summary>
    public void SetContentType(ReadOnlySpan<byte> value) => SetHeader("Content-Type"u8, value);

    /// <summary>Appends to the body.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        _body.Write(bytes);
        FlushIfLarge();
    }

    /// <summary>Answers <paramref name="text"/> as <c>text/plain</c>.</summary>
    public void Text(ReadOnlySpan<byte> text)
    {
        SetContentType("text/plain"u8);
        Write(text);
    }

    /// <summary>Answers <paramref name="json"/> (already serialised) as <c>application/json</c>.</summary>
    public void Json(ReadOnlySpan<byte> json)
    {
        SetContentType("application/json"u8);
        Write(json);
    }

    /// <summary>
    /// Answers <paramref name="value"/> serialised as <c>application/json</c> with System.Text.Json
    /// source-generated metadata (<paramref name="typeInfo"/>, from a <c>JsonSerializerContext</c>: no reflection),
    /// straight into the pooled body buffer. The writer is created once per connection and reused.
    /// </summary>
    public void Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        SetContentType("application/json"u8);
        if (_json is null)
        {
            _json = new Utf8JsonWriter(this, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            _json.Reset(this);
        }

        JsonSerializer.Serialize(_json, value, typeInfo);
        _json.Flush();
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0) => _body.GetSpan(sizeHint);

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0) => _body.GetMemory(sizeHint);

    /// <inheritdoc />
    public void Advance(int count)
    {
        _body.Advance(count);
        FlushIfLarge();
    }

    /// <summary>
    /// Sends the body with the chunked transfer coding: from now on, every 16 KiB written (and every
    /// <see cref="Flush"/>) goes out as a chunk, so a large body never sits in memory whole.
    /// </summary>
    public void StartChunked()
    {
        if (_headWritten)
        {
            throw new InvalidOperationException("The response head was already sent.");
        }

        _chunked = true;
    }

    /// <summary>For a chunked response, sends what was written so far as a chunk now; otherwise does nothing.</summary>
    public void Flush()
    {
        if (!_chunked)
        {
            return;
        }

        WriteHead(-1);
        if (_body.Length > 0 && !_isHead)
        {
            WriteChunkSize(_body.Length);
            Output.Write(_body.Written);
            Output.Write("\r\n"u8);
        }

        _body.Clear();
        _transport?.SendNow();
    }

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
        _headWritten = false;
        _isHead = isHead;
        _close = close;
        _transport = transport;
    }

    /// <summary>Closes the connection after this response (the server is stopping, or the request said so).</summary>
    internal bool Close
    {
        get => _close;
        set => _close = value;
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

    /// <summary>Writes a complete response for a request the server rejected or could not route.</summary>
    internal void WriteError(int status, ReadOnlySpan<byte> message, HttpMethods allow = HttpMethods.None)
    {
        _status = status;
        _headers.Clear();
        _body.Clear();
        _chunked = false;
        _headWritten = false;
        if (allow != HttpMethods.None)
        {
            _headers.Write("Allow: "u8);
            var span = _headers.GetSpan(64);
            MethodToken.TryFormatAllow(allow, span, out var written);
            _headers.Advance(written);
            _headers.Write("\r\n"u8);
        }

        if (!message.IsEmpty)
        {
            SetContentType("text/plain; charset=utf-8"u8);
            _body.Write(message);
        }

        Complete();
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
        WriteError(500, "The handler failed.\n"u8);
        return true;
    }

    /// <summary>Returns the pooled buffers (the connection is closing).</summary>
    internal void Release()
    {
        _headers.Release();
        _body.Release();
        Output.Release();
    }

    private void FlushIfLarge()
    {
        if (_chunked && _body.Length >= ChunkFlushThreshold)
        {
            Flush();
        }
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
        if (!HttpStatus.HasNoContent(_status))
        {
            if (contentLength < 0)
            {
                Output.Write("Transfer-Encoding: chunked\r\n"u8);
            }
            else
            {
                Output.Write("Content-Length: "u8);
                WriteNumber(contentLength);
                Output.Write("\r\n"u8);
            }
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

    private static bool IsServerHeader(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 => Utf8Literal.EqualsLower(name, "date"u8),
        6 => Utf8Literal.EqualsLower(name, "server"u8),
        10 => Utf8Literal.EqualsLower(name, "connection"u8),
        14 => Utf8Literal.EqualsLower(name, "content-length"u8),
        17 => Utf8Literal.EqualsLower(name, "transfer-encoding"u8),
        _ => false,
    };
}

/// <summary>Where a streamed (chunked) response goes when a chunk is flushed: the connection's socket.</summary>
internal interface IResponseTransport
{
    /// <summary>Sends <see cref="HttpResponse.Output"/> now, synchronously, and empties it.</summary>
    void SendNow();
}
