using System;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using HttpResponse = HyperRoute.Http.HttpResponse;

namespace HyperRoute.AspNetCore;

/// <summary>
/// Copies the response a handler wrote (status, headers, body: buffered in the exchange) to ASP.NET Core's
/// response, which Kestrel frames for the connection's protocol (HTTP/1.1, HTTP/2, HTTP/3).
/// </summary>
internal static class ResponseWriter
{
    public static ValueTask<System.IO.Pipelines.FlushResult> WriteAsync(HttpContext context, HttpResponse response)
    {
        var target = context.Response;
        if (HostedExchange.HeadSent(response))
        {
            // Streamed (StreamedResponse): the head and the flushed pieces went out; what followed the last flush remains.
            var rest = HostedExchange.Body(response);
            if (rest.IsEmpty || !HasBody(context, response.StatusCode))
            {
                return default;
            }

            rest.CopyTo(target.BodyWriter.GetSpan(rest.Length));
            target.BodyWriter.Advance(rest.Length);
            return target.BodyWriter.FlushAsync(context.RequestAborted);
        }

        target.StatusCode = response.StatusCode;
        CopyHeaders(HostedExchange.HeaderLines(response), target.Headers);
        var body = HostedExchange.Body(response);
        var length = HostedExchange.ContentLength(response); // a proxied HEAD or 304: the backend's, not the empty body's
        if (length >= 0)
        {
            target.ContentLength = length;
        }

        if (body.IsEmpty || !HasBody(context, response.StatusCode))
        {
            return default;
        }

        var writer = target.BodyWriter;
        body.CopyTo(writer.GetSpan(body.Length));
        writer.Advance(body.Length);
        return writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>Whether the response carries its body: not for a HEAD, a 1xx, a 204 or a 304.</summary>
    public static bool HasBody(HttpContext context, int status)
        => status is >= 200 and not 204 and not 304 && !Microsoft.AspNetCore.Http.HttpMethods.IsHead(context.Request.Method);

    /// <summary>Adds the "Name: value\r\n" lines, as the response validated them when they were set.</summary>
    public static void CopyHeaders(ReadOnlySpan<byte> lines, IHeaderDictionary headers)
    {
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf("\r\n"u8);
            var line = lines.Slice(0, end);
            lines = lines.Slice(end + 2);
            var colon = line.IndexOf((byte)':');
            var name = Name(line.Slice(0, colon));
            var value = Encoding.Latin1.GetString(line.Slice(colon + 2));
            headers[name] = StringValues.Concat(headers[name], value);
        }
    }

    // The common names without allocating a string for them.
    private static string Name(ReadOnlySpan<byte> name)
    {
        if (Ascii.EqualsIgnoreCase(name, "Content-Type"u8))
        {
            return HeaderNames.ContentType;
        }

        if (Ascii.EqualsIgnoreCase(name, "Allow"u8))
        {
            return HeaderNames.Allow;
        }

        if (Ascii.EqualsIgnoreCase(name, "Location"u8))
        {
            return HeaderNames.Location;
        }

        if (Ascii.EqualsIgnoreCase(name, "Cache-Control"u8))
        {
            return HeaderNames.CacheControl;
        }

        return Encoding.ASCII.GetString(name);
    }
}
