using System;
using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// A streamed request body (<see cref="HttpRequest.IsBodyStreamed"/>) goes to the backend as the client sends it, a
/// piece at a time, never whole in memory: read with <see cref="HttpRequest.ReadBodyAsync"/> (the server receives no
/// further ahead than this reads, and this reads no further ahead than the backend accepts), sent with the framing the
/// proxy derives itself: <c>Content-Length</c> written from the length the server parsed and holds the body to, or
/// <c>Transfer-Encoding: chunked</c>, re-chunked here, when the client sent it chunked (its chunk sizes, extensions and
/// trailer fields are not passed on). A request whose body started going out is never retried: not on another backend
/// (the body is read only once a connection is established), nor on another connection when a pooled one turns out
/// closed (only before its first piece was read); a failure after that is answered (or closes) like any other. Each
/// send waits for the backend at most <see cref="ProxyOptions.ResponseTimeout"/>.
/// </summary>
internal sealed partial class ForwardOperation
{
    private const int StreamedPieceSize = 64 * 1024;
    private const int ChunkHeaderRoom = 10; // up to 8 hex digits of a piece's size, then CRLF

    private HttpRequest? _streamedBody;
    private bool _streamedBodyStarted; // a piece was asked of the client: the request can no longer go out again

    // Start's hook, before BuildHead: the request's body is to be streamed rather than sent from memory.
    private void TakeStreamedBody(HttpRequest request)
    {
        _streamedBody = request.IsBodyStreamed ? request : null;
        _streamedBodyStarted = false;
    }

    // BuildHead's hook: the framing of a streamed body, derived from what the server parsed (never the client's field).
    private void WriteStreamedFraming(HttpRequest request)
    {
        if (request.Head.IsChunked)
        {
            _head.Write("Transfer-Encoding: chunked\r\n"u8);
            return;
        }

        _head.Write("Content-Length: "u8);
        Utf8Formatter.TryFormat(request.ContentLength, _head.GetSpan(20), out var written);
        _head.Advance(written);
        _head.Write("\r\n"u8);
    }

    // ExchangeAsync's hook, after the head went out: the body, piece by piece, each read sent before the next is read.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendStreamedBodyAsync(BackendConnection connection, int timeout)
    {
        var request = _streamedBody!;
        var chunked = request.Head.IsChunked;
        var piece = ArrayPool<byte>.Shared.Rent(StreamedPieceSize);
        try
        {
            // A chunked piece is framed in place: its size line right before the data, CRLF right after it.
            var dataStart = chunked ? ChunkHeaderRoom : 0;
            var room = piece.Length - dataStart - (chunked ? 2 : 0);
            _streamedBodyStarted = true; // from here on a dead backend connection is not retried on another one
            while (true)
            {
                var count = await request.ReadBodyAsync(piece.AsMemory(dataStart, room)).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                if (!chunked)
                {
                    await connection.SendAsync(piece.AsMemory(0, count), timeout).ConfigureAwait(false);
                    continue;
                }

                var start = FrameChunk(piece, dataStart, count);
                await connection.SendAsync(piece.AsMemory(start, dataStart + count + 2 - start), timeout).ConfigureAwait(false);
            }

            if (chunked)
            {
                await connection.SendAsync(LastChunk, timeout).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(piece);
            _streamedBody = null;
        }
    }

    private static readonly ReadOnlyMemory<byte> LastChunk = "0\r\n\r\n"u8.ToArray();

    // Writes "{size:X}\r\n" to end right before dataStart and CRLF after the data; returns where the chunk starts.
    private static int FrameChunk(byte[] piece, int dataStart, int count)
    {
        var digits = 0;
        for (var rest = count; rest > 0; rest >>= 4)
        {
            digits++;
        }

        var start = dataStart - 2 - digits;
        for (int i = dataStart - 3, rest = count; i >= start; i--, rest >>= 4)
        {
            piece[i] = (byte)"0123456789ABCDEF"[rest & 0xF];
        }

        piece[dataStart - 2] = (byte)'\r';
        piece[dataStart - 1] = (byte)'\n';
        piece[dataStart + count] = (byte)'\r';
        piece[dataStart + count + 1] = (byte)'\n';
        return start;
    }
}
