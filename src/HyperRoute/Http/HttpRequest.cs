using System;
using System.Runtime.CompilerServices;

namespace HyperRoute.Http;

/// <summary>
/// The request being served: views into the connection's receive buffer, valid until the handler returns.
/// Nothing is copied; the only headers it knows beyond the framing ones are those the router binds.
/// </summary>
public sealed partial class HttpRequest
{
    private byte[] _buffer = [];
    private int _offset;
    private HttpRequestHead _head;
    private HttpSlice[] _slots = [];
    private int _slotCount;
    private HttpSlice _body;

    /// <summary>The method token, such as <c>GET</c>.</summary>
    public ReadOnlySpan<byte> Method => Of(_head.Method);

    /// <summary>The request target as sent.</summary>
    public ReadOnlySpan<byte> Target => Of(_head.Target);

    /// <summary>The path of the target, still percent-encoded (<c>/</c> for an absolute-form target without a path).</summary>
    public ReadOnlySpan<byte> Path => _head.Path.Length == 0 ? "/"u8 : Of(_head.Path);

    /// <summary>The query of the target without the <c>?</c>; empty when there is none.</summary>
    public ReadOnlySpan<byte> Query => Of(_head.Query);

    /// <summary>The protocol version.</summary>
    public HttpVersion Version => _head.Version;

    /// <summary>The <c>Host</c> header; empty when none was sent (HTTP/1.0).</summary>
    public ReadOnlySpan<byte> Host => Of(_head.Host);

    /// <summary>The <c>Content-Type</c> header; empty when none was sent.</summary>
    public ReadOnlySpan<byte> ContentType => Of(_head.ContentType);

    /// <summary>The declared <c>Content-Length</c>; -1 when the body is chunked or absent.</summary>
    public long ContentLength => _head.ContentLength;

    /// <summary>
    /// The request body, fully received and de-chunked; empty when there is none, and when it is streamed
    /// (<see cref="IsBodyStreamed"/>: read it with <see cref="ReadBodyAsync"/>).
    /// </summary>
    public ReadOnlySpan<byte> Body => Of(_body);

    /// <summary>
    /// The request body as memory, for an asynchronous handler (a span cannot cross an <c>await</c>): a view into
    /// the connection's buffer, kept for the request until its handler completes; nothing is copied.
    /// </summary>
    public ReadOnlyMemory<byte> BodyMemory => MemoryOf(_body);

    /// <summary><see langword="true"/> for a <c>HEAD</c> request: the response is sent without its body.</summary>
    public bool IsHead => _head.Method.Length == 4 && Method.SequenceEqual("HEAD"u8);

    /// <summary>The connection stays open after this exchange (unless the server is shutting down).</summary>
    public bool KeepAlive => _head.KeepAlive;

    /// <summary>The parsed head: offsets into the receive buffer and the framing.</summary>
    public ref readonly HttpRequestHead Head => ref _head;

    /// <summary>
    /// The value of the bound header in <paramref name="slot"/> (the generated <c>HttpEndpoint.HeaderSlot</c>
    /// numbers them); <see langword="false"/> when the request did not carry it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetHeader(int slot, out ReadOnlySpan<byte> value)
    {
        if ((uint)slot < (uint)_slotCount && _slots[slot].IsPresent)
        {
            value = Of(_slots[slot]);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// As <see cref="TryGetHeader(int, out ReadOnlySpan{byte})"/>, as memory that an asynchronous handler can hold
    /// across an <c>await</c> (a view into the connection's buffer, valid until the handler completes).
    /// </summary>
    public bool TryGetHeaderMemory(int slot, out ReadOnlyMemory<byte> value)
    {
        if ((uint)slot < (uint)_slotCount && _slots[slot].IsPresent)
        {
            value = MemoryOf(_slots[slot]);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Loads a request from bytes already in memory (a test, a message that carries an HTTP request): the head
    /// and a <c>Content-Length</c> body must be complete in <paramref name="buffer"/>. Chunked bodies are
    /// de-chunked by the server only. The request keeps <paramref name="buffer"/> until the next load.
    /// </summary>
    /// <returns><see cref="HttpError.None"/>, or why the request is not acceptable.</returns>
    public HttpError Load<TSlots>(byte[] buffer, int offset, int count, HttpLimits? limits = null)
        where TSlots : IHttpHeaderSlots
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var bytes = buffer.AsSpan(offset, count);
        var slots = SlotsFor<TSlots>();
        if (!HttpRequestParser.TryParse<TSlots>(bytes, limits ?? HttpLimits.Default, out var head, slots, out var error))
        {
            return error == HttpError.None ? HttpError.InvalidRequestLine : error;
        }

        if (head.IsChunked)
        {
            return HttpError.UnsupportedTransferCoding;
        }

        var length = Math.Max(0, head.ContentLength);
        if (head.Length + length > count)
        {
            return HttpError.InvalidContentLength;
        }

        Set(buffer, offset, head, new HttpSlice(head.Length, (int)length));
        return HttpError.None;
    }

    /// <summary>The slot array for a router's header table, reused across requests.</summary>
    internal Span<HttpSlice> SlotsFor<TSlots>()
        where TSlots : IHttpHeaderSlots
    {
        var count = TSlots.HeaderSlotCount;
        if (_slots.Length < count)
        {
            _slots = new HttpSlice[count];
        }

        _slotCount = count;
        return _slots.AsSpan(0, count);
    }

    /// <summary>Points the request at a parsed head in <paramref name="buffer"/> (offsets relative to <paramref name="offset"/>) and its body.</summary>
    internal void Set(byte[] buffer, int offset, in HttpRequestHead head, HttpSlice body)
    {
        _buffer = buffer;
        _offset = offset;
        _head = head;
        _body = body;
        _bodyReader = null;
        _bodyConsumed = 0;
    }

    private ReadOnlyMemory<byte> MemoryOf(HttpSlice slice) => slice.Start < 0 ? default : _buffer.AsMemory(_offset + slice.Start, slice.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Of(HttpSlice slice) => slice.Start < 0 ? default : _buffer.AsSpan(_offset + slice.Start, slice.Length);
}
