using System;
using System.Buffers;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using AspNetHttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using HttpRequest = HyperRoute.Http.HttpRequest;

namespace HyperRoute.AspNetCore;

/// <summary>
/// Turns an ASP.NET Core request into the bytes HyperRoute's parser reads: an HTTP/1.1 head with the raw target,
/// <c>Host</c>, <c>Content-Type</c>, <c>Content-Length</c> and only the headers the router binds (the table of its
/// generated endpoint), followed by the body. The request is then loaded with <see cref="HttpRequest.Load{TSlots}"/>:
/// the same parser, limits and header table as on the built-in server, so binding cannot differ between the hosts.
/// </summary>
internal static class RequestLoader
{
    private const int StackNameSize = 128;

    // A router that binds no header: the request's headers are not even enumerated.
    private static readonly HeaderDictionary NoHeaders = new();

    /// <summary>
    /// Loads <paramref name="context"/>'s request into <paramref name="request"/>; the bytes live in
    /// the returned buffer (from <see cref="ArrayPool{T}.Shared"/>; the caller returns it once the handler is done).
    /// With <paramref name="keepBody"/> the body stays readable for the next middleware (it is buffered and rewound by
    /// <see cref="Rewind"/>), for a request that may be passed on.
    /// </summary>
    public static async ValueTask<(HttpError Error, byte[]? Buffer)> LoadAsync<TEndpoint>(HttpContext context, HttpRequest request, HttpLimits limits, bool keepBody)
        where TEndpoint : struct, IHttpEndpoint
    {
        var source = context.Request;
        var target = Target(context);
        var host = source.Host.HasValue ? source.Host.Value : "localhost"; // HTTP/2 without :authority
        var declared = source.ContentLength;
        if (declared > limits.MaxRequestBodySize)
        {
            return (HttpError.BodyTooLarge, null);
        }

        var headSize = HeadSize<TEndpoint>(source, target, host);
        var buffer = ArrayPool<byte>.Shared.Rent(headSize + (int)Math.Min(declared ?? 0, int.MaxValue - headSize));
        var bodyStart = 0;
        var bodyLength = 0;
        try
        {
            // The body first, after room for the head: its length goes into the head.
            if (HasBody(context))
            {
                if (keepBody)
                {
                    context.Request.EnableBuffering();
                }

                bodyStart = headSize;
                while (true)
                {
                    if (buffer.Length - bodyStart - bodyLength == 0)
                    {
                        buffer = Grow(buffer, bodyStart + bodyLength);
                    }

                    var read = await source.Body.ReadAsync(buffer.AsMemory(bodyStart + bodyLength), context.RequestAborted).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    bodyLength += read;
                    if (bodyLength > limits.MaxRequestBodySize)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (HttpError.BodyTooLarge, null);
                    }
                }
            }

            var head = WriteHead<TEndpoint>(buffer, source, target, host, bodyLength);
            var start = 0;
            if (bodyLength > 0)
            {
                // Slide the head up against the body: the request is one contiguous run of bytes.
                start = bodyStart - head;
                Buffer.BlockCopy(buffer, 0, buffer, start, head);
            }

            return (request.Load<TEndpoint>(buffer, start, head + bodyLength, limits), buffer);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Puts a body read with <c>keepBody</c> back at its start, for the middleware the request is passed to.</summary>
    public static void Rewind(HttpContext context)
    {
        if (context.Request.Body.CanSeek)
        {
            context.Request.Body.Position = 0;
        }
    }

    // The request target as the client sent it; below the base path when the pipeline branched on one.
    private static string Target(HttpContext context)
    {
        var request = context.Request;
        if (!request.PathBase.HasValue)
        {
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            if (!string.IsNullOrEmpty(raw))
            {
                return raw;
            }
        }

        return request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
    }

    private static bool HasBody(HttpContext context)
    {
        var length = context.Request.ContentLength;
        if (length is not null)
        {
            return length > 0;
        }

        return context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
    }

    private static byte[] Grow(byte[] buffer, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, 4096));
        Buffer.BlockCopy(buffer, 0, larger, 0, used);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    // An upper bound of the head's size in bytes.
    private static int HeadSize<TEndpoint>(AspNetHttpRequest request, string target, string host)
        where TEndpoint : struct, IHttpEndpoint
    {
        var utf8 = Encoding.UTF8;
        var size = utf8.GetMaxByteCount(request.Method.Length + target.Length + host.Length) + 64; // request line, Host, Content-Length, the end
        if (request.ContentType is { } contentType)
        {
            size += utf8.GetMaxByteCount(contentType.Length) + 16;
        }

        foreach (var header in TEndpoint.HeaderSlotCount == 0 ? NoHeaders : request.Headers)
        {
            if (IsBound<TEndpoint>(header.Key))
            {
                foreach (var value in header.Value)
                {
                    size += utf8.GetMaxByteCount(header.Key.Length + (value?.Length ?? 0)) + 4;
                }
            }
        }

        return size;
    }

    private static int WriteHead<TEndpoint>(byte[] buffer, AspNetHttpRequest request, string target, string host, int bodyLength)
        where TEndpoint : struct, IHttpEndpoint
    {
        var head = new HeadWriter(buffer);
        head.Text(request.Method);
        head.Bytes(" "u8);
        head.Text(target);
        head.Bytes(" HTTP/1.1\r\nHost: "u8);
        head.Text(host);
        head.Bytes("\r\n"u8);
        if (request.ContentType is { } contentType)
        {
            head.Bytes("Content-Type: "u8);
            head.Text(contentType);
            head.Bytes("\r\n"u8);
        }

        if (bodyLength > 0)
        {
            head.Bytes("Content-Length: "u8);
            head.Number(bodyLength);
            head.Bytes("\r\n"u8);
        }

        foreach (var header in TEndpoint.HeaderSlotCount == 0 ? NoHeaders : request.Headers)
        {
            if (!IsBound<TEndpoint>(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                head.Text(header.Key);
                head.Bytes(": "u8);
                head.Text(value ?? "");
                head.Bytes("\r\n"u8);
            }
        }

        head.Bytes("\r\n"u8);
        return head.Length;
    }

    // A header the router binds; the framing ones are written from the request's own properties.
    private static bool IsBound<TEndpoint>(string name)
        where TEndpoint : struct, IHttpEndpoint
    {
        if (TEndpoint.HeaderSlotCount == 0 || name.Length > StackNameSize || name.Length == 0 || name[0] == ':'
            || string.Equals(name, HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[StackNameSize];
        var length = Encoding.ASCII.GetBytes(name, bytes);
        return TEndpoint.HeaderSlot(bytes.Slice(0, length)) >= 0;
    }

    private ref struct HeadWriter(byte[] buffer)
    {
        private readonly Span<byte> _span = buffer;

        public int Length { get; private set; }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span.Slice(Length));
            Length += bytes.Length;
        }

        public void Text(string text) => Length += Encoding.UTF8.GetBytes(text, _span.Slice(Length));

        public void Number(int value)
        {
            value.TryFormat(_span.Slice(Length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            Length += written;
        }
    }
}
