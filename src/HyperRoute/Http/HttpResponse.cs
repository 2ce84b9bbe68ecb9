using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>
/// The response a handler writes: status, headers and body, held in buffers the connection reuses. The server
/// writes <c>Date</c>, <c>Server</c>, <c>Content-Length</c> (or <c>Transfer-Encoding: chunked</c>) and
/// <c>Connection</c> itself. Bodies are buffered and sent with a <c>Content-Length</c>; call
/// <see cref="StartChunked"/> first to stream a large or open-ended body in chunks instead.
/// </summary>
public sealed partial class HttpResponse : IBufferWriter<byte>
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
        _statedLength = NoStatedLength;
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

    /// <summary>
    /// For a chunked response, sends what was written so far as a chunk now, blocking until the socket took it;
    /// otherwise does nothing. An asynchronous handler uses <see cref="FlushAsync"/>, which holds no thread.
    /// </summary>
    public void Flush()
    {
        if (!_chunked)
        {
            return;
        }

        if (_transport is null)
        {
            AppendChunk(); // in-process: the chunk stays in the output
            return;
        }

        _transport.SendNow();
    }

    /// <summary>
    /// For a chunked response, sends what was written so far as a chunk, and completes when the client has
    /// taken it: a slow reader holds the handler here, not the server's worker. Otherwise completes at once.
    /// Await each flush before writing more.
    /// </summary>
    /// <exception cref="ClientDisconnectedException">The client is gone; the response cannot be finished.</exception>
    /// <exception cref="OperationCanceledException">The request was abandoned (its time limit expired).</exception>
    public ValueTask FlushAsync()
    {
        if (!_chunked)
        {
            return default;
        }

        if (_transport is null)
        {
            AppendChunk();
            return default;
        }

        return _transport.SendAsync();
    }

    // Every 16 KiB of a chunked body goes out on its own, unless the handler writes from another thread after an
    // await: a flush there would block a pool thread, so its chunks go out at its FlushAsync (or at its end).
    private void FlushIfLarge()
    {
        if (_chunked && _body.Length >= ChunkFlushThreshold && _transport?.CanSendNow != false)
        {
            Flush();
        }
    }
}
