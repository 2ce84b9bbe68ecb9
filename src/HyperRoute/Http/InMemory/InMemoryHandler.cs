using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.InMemory;

/// <summary>
/// The <see cref="HttpMessageHandler"/> of <see cref="InMemoryServer{TEndpoint}.CreateClient"/>: writes each
/// <see cref="HttpRequestMessage"/> as HTTP/1.1 bytes, serves them on a connection of its own, and reads the
/// response bytes back into an <see cref="HttpResponseMessage"/> (a chunked body de-chunked).
/// </summary>
internal sealed class InMemoryHandler<TEndpoint>(InMemoryServer<TEndpoint> server) : HttpMessageHandler
    where TEndpoint : struct, IHttpEndpoint
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var bytes = WriteRequest(request, body);
        var answer = await server.SendRawAsync(bytes, cancellationToken).ConfigureAwait(false);
        return ReadResponse(answer, request);
    }

    internal static byte[] WriteRequest(HttpRequestMessage request, byte[]? body)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI; give the HttpClient a BaseAddress.");
        if (!uri.IsAbsoluteUri)
        {
            uri = new Uri(new Uri("http://localhost/"), uri);
        }

        var http10 = request.Version == System.Net.HttpVersion.Version10;
        var head = new StringBuilder();
        head.Append(request.Method.Method).Append(' ').Append(uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped))
            .Append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
        head.Append("Host: ").Append(request.Headers.Host ?? uri.GetComponents(UriComponents.HostAndPort, UriFormat.UriEscaped)).Append("\r\n");
        var chunked = request.Headers.TransferEncodingChunked == true && !http10;
        foreach (var header in request.Headers.NonValidated)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            AppendField(head, header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    AppendField(head, header.Key, header.Value);
                }
            }
        }

        if (chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else if (body is not null)
        {
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");
        var output = new ArrayBufferWriter<byte>(head.Length + (body?.Length ?? 0) + 16);
        output.Write(Encoding.UTF8.GetBytes(head.ToString()));
        if (chunked)
        {
            if (body is { Length: > 0 })
            {
                output.Write(Encoding.ASCII.GetBytes(body.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                output.Write(body);
                output.Write("\r\n"u8);
            }

            output.Write("0\r\n\r\n"u8);
        }
        else if (body is not null)
        {
            output.Write(body);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void AppendField(StringBuilder head, string name, HeaderStringValues values)
    {
        var separator = name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? "; " : ", ";
        head.Append(name).Append(": ");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                head.Append(separator);
            }

            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                // As SocketsHttpHandler: a line break would end the field and start another (or the body).
                throw new HttpRequestException($"The value of the request header {name} holds a line break.");
            }

            head.Append(value);
            first = false;
        }

        head.Append("\r\n");
    }

    /// <summary>Reads the first final response (1xx skipped) of <paramref name="bytes"/>.</summary>
    internal static HttpResponseMessage ReadResponse(byte[] bytes, HttpRequestMessage request)
    {
        var position = 0;
        while (true)
        {
            var headEnd = bytes.AsSpan(position).IndexOf("\r\n\r\n"u8);
            if (headEnd < 0)
            {
                throw new HttpRequestException(bytes.Length == 0
                    ? "The in-memory server closed the connection without a response."
                    : "The in-memory server's response is incomplete.");
            }

            var head = Encoding.Latin1.GetString(bytes, position, headEnd);
            var bodyStart = position + headEnd + 4;
            var lines = head.Split("\r\n");
            var status = lines[0].Split(' ', 3);
            if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
                || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new HttpRequestException("The in-memory server's status line is malformed: " + lines[0]);
            }

            if (code is >= 100 and < 200)
            {
                position = bodyStart; // 100 Continue: the final response follows
                continue;
            }

            var response = new HttpResponseMessage((HttpStatusCode)code)
            {
                RequestMessage = request,
                Version = status[0] == "HTTP/1.0" ? System.Net.HttpVersion.Version10 : System.Net.HttpVersion.Version11,
                ReasonPhrase = status.Length > 2 ? status[2] : null,
            };

            var fields = new List<KeyValuePair<string, string>>(lines.Length);
            long? contentLength = null;
            var chunked = false;
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                var name = lines[i].Substring(0, colon);
                var value = lines[i].Substring(colon + 1).Trim(' ', '\t');
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    contentLength = long.Parse(value, CultureInfo.InvariantCulture);
                }
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
                }

                fields.Add(new(name, value));
            }

            byte[] body;
            if (request.Method == HttpMethod.Head || code is 204 or 304)
            {
                body = [];
            }
            else if (chunked)
            {
                body = Dechunk(bytes.AsSpan(bodyStart));
            }
            else if (contentLength is { } length)
            {
                if (bytes.Length - bodyStart < length)
                {
                    throw new HttpRequestException("The in-memory server's response body is shorter than its Content-Length.");
                }

                body = bytes.AsSpan(bodyStart, (int)length).ToArray();
            }
            else
            {
                body = bytes.AsSpan(bodyStart).ToArray(); // delimited by the close
            }

            response.Content = new ReceivedContent(body); // its headers: only what the server sent
            foreach (var (name, value) in fields)
            {
                if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers.TransferEncodingChunked = true;
                }
                else if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        }
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> bytes)
    {
        var body = new ArrayBufferWriter<byte>();
        while (true)
        {
            var lineEnd = bytes.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new HttpRequestException("The in-memory server's chunked response is incomplete.");
            }

            var sizeText = Encoding.ASCII.GetString(bytes.Slice(0, lineEnd));
            var semicolon = sizeText.IndexOf(';');
            var size = int.Parse(semicolon < 0 ? sizeText : sizeText.Substring(0, semicolon), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            bytes = bytes.Slice(lineEnd + 2);
            if (size == 0)
            {
                return body.WrittenSpan.ToArray(); // trailers, if any, are dropped
            }

            if (bytes.Length < size + 2)
            {
                throw new HttpRequestException("The in-memory server's chunked response is incomplete.");
            }

            body.Write(bytes.Slice(0, size));
            bytes = bytes.Slice(size + 2);
        }
    }

    // A received body: like the socket handler's content, its length is known only from a Content-Length the server
    // sent (not computed from the bytes, which would invent one for a chunked or empty response).
    private sealed class ReceivedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(System.IO.Stream stream, TransportContext? context)
            => stream.WriteAsync(body, 0, body.Length);

        protected override Task SerializeToStreamAsync(System.IO.Stream stream, TransportContext? context, CancellationToken cancellationToken)
            => stream.WriteAsync(body, 0, body.Length, cancellationToken);

        protected override System.IO.Stream CreateContentReadStream(CancellationToken cancellationToken)
            => new System.IO.MemoryStream(body, writable: false);

        protected override Task<System.IO.Stream> CreateContentReadStreamAsync()
            => Task.FromResult<System.IO.Stream>(new System.IO.MemoryStream(body, writable: false));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
