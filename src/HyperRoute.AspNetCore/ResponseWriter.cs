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
        target.StatusCode = response.StatusCode;
        CopyHeaders(HostedExchange.HeaderLines(response), target.Headers);
        var body = HostedExchange.Body(response);
        var length = HostedExchange.ContentLength(response); // a proxied HEAD or 304: the backend's, not the empty body's
        if (length >= 0)
        {
            target.ContentLength = length;
        }

        if (response.StatusCode is < 200 or 204 or 304)
        {
            return default;
        }

        if (body.IsEmpty || Microsoft.AspNetCore.Http.HttpMethods.IsHead(context.Request.Method))
        {
            return default;
        }

        var writer = target.BodyWriter;
        body.CopyTo(writer.GetSpan(body.Length));
        writer.Advance(body.Length);
        return writer.FlushAsync(context.RequestAborted);
    }

    // "Name: value\r\n" lines, as the response validated them when they were set.
    private static void CopyHeaders(ReadOnlySpan<byte> lines, IHeaderDictionary headers)
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
