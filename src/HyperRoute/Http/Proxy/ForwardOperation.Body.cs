using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using HyperRoute.Http.Parsing;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// The response body, from the backend's framing to the client's: the bytes pass through the response buffer; once
/// <see cref="ProxyOptions.StreamThreshold"/> of them wait there the response turns chunked and each batch is
/// flushed, the flush waiting for the client (a slow client slows the backend reads, memory stays bounded). A body
/// that ends before the threshold goes out with <c>Content-Length</c>.
/// </summary>
internal sealed partial class ForwardOperation
{
    private const int MaxChunkLine = 4096;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CopyBodyAsync(HttpResponse response, BackendConnection connection, ResponseHead head, int timeout, int threshold)
    {
        switch (head.Framing)
        {
            case BodyFraming.Length:
                await CopyExactlyAsync(response, connection, head.ContentLength, timeout, threshold).ConfigureAwait(false);
                break;
            case BodyFraming.Chunked:
                await CopyChunkedAsync(response, connection, timeout, threshold).ConfigureAwait(false);
                break;
            case BodyFraming.UntilClose:
                while (true)
                {
                    if (connection.Start < connection.End)
                    {
                        response.Write(connection.Unread);
                        connection.Start = connection.End;
                        await PassOnAsync(response, threshold).ConfigureAwait(false);
                    }

                    if (await connection.FillAsync(timeout, connection.Buffer.Length).ConfigureAwait(false) == 0)
                    {
                        break;
                    }
                }

                break;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CopyExactlyAsync(HttpResponse response, BackendConnection connection, long remaining, int timeout, int threshold)
    {
        while (remaining > 0)
        {
            if (connection.Start == connection.End
                && await connection.FillAsync(timeout, connection.Buffer.Length).ConfigureAwait(false) == 0)
            {
                throw new BackendClosedException();
            }

            var take = (int)Math.Min(remaining, connection.End - connection.Start);
            response.Write(connection.Unread.Slice(0, take));
            connection.Start += take;
            remaining -= take;
            await PassOnAsync(response, threshold).ConfigureAwait(false);
        }
    }

    // chunk = size [; ext] CRLF data CRLF, ending with 0 CRLF, trailer fields (dropped) and CRLF (RFC 9112 §7.1).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CopyChunkedAsync(HttpResponse response, BackendConnection connection, int timeout, int threshold)
    {
        while (true)
        {
            var lineLength = await ReadLineAsync(connection, timeout).ConfigureAwait(false);
            var size = ParseChunkSize(connection.Unread.Slice(0, lineLength));
            connection.Start += lineLength + 2;
            if (size == 0)
            {
                break;
            }

            await CopyExactlyAsync(response, connection, size, timeout, threshold).ConfigureAwait(false);
            if (await ReadLineAsync(connection, timeout).ConfigureAwait(false) != 0)
            {
                throw new BackendProtocolException("A chunk's data is not followed by CRLF.");
            }

            connection.Start += 2;
        }

        while (true)
        {
            var trailerLength = await ReadLineAsync(connection, timeout).ConfigureAwait(false);
            connection.Start += trailerLength + 2;
            if (trailerLength == 0)
            {
                return;
            }
        }
    }

    // The length of the next line (without its CRLF) once it is all in the buffer.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<int> ReadLineAsync(BackendConnection connection, int timeout)
    {
        while (true)
        {
            var unread = connection.Unread;
            var end = unread.IndexOf((byte)'\n');
            if (end >= 0)
            {
                if (end == 0 || unread[end - 1] != '\r')
                {
                    throw new BackendProtocolException("A line of the chunked body does not end in CRLF.");
                }

                return end - 1;
            }

            if (unread.Length >= MaxChunkLine)
            {
                throw new BackendProtocolException("A line of the chunked body is too long.");
            }

            if (await connection.FillAsync(timeout, connection.Buffer.Length).ConfigureAwait(false) == 0)
            {
                throw new BackendClosedException();
            }
        }
    }

    private static long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon < 0 ? line : line.Slice(0, semicolon)).TrimEnd(" \t"u8);
        if (digits.IsEmpty || digits.Length > 15)
        {
            throw new BackendProtocolException("A chunk size is missing or too large.");
        }

        long size = 0;
        foreach (var b in digits)
        {
            var value = HttpChars.HexValue(b);
            if (value < 0)
            {
                throw new BackendProtocolException("A chunk size is not hexadecimal.");
            }

            size = (size << 4) | (uint)value;
        }

        if (semicolon >= 0 && !HttpChars.IsFieldValue(line.Slice(semicolon)))
        {
            throw new BackendProtocolException("A chunk extension holds control characters.");
        }

        return size;
    }

    // Sends what waits in the response once there is enough of it: the first time, the response turns chunked.
    private ValueTask PassOnAsync(HttpResponse response, int threshold)
    {
        if (response.BodyLength < threshold)
        {
            return default;
        }

        if (!_streaming)
        {
            _streaming = true;
            response.StartChunked();
        }

        if (response.OnServeThread)
        {
            response.Flush(); // still on the worker (nothing waited yet): it sends in place
            return default;
        }

        return response.FlushAsync();
    }
}
