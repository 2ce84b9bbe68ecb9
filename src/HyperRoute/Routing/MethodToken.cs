using System;
using System.Runtime.CompilerServices;

namespace HyperRoute.Routing;

/// <summary>Reads and writes HTTP method tokens as UTF-8, without strings.</summary>
public static class MethodToken
{
    private const int AllowSeparatorLength = 2; // ", "

    /// <summary>
    /// Maps a method token to its <see cref="HttpMethods"/> flag. Method tokens are case-sensitive
    /// (RFC 9110 §9.1): <c>get</c> is not <c>GET</c> and maps to <see cref="HttpMethods.None"/>.
    /// </summary>
    /// <remarks>
    /// <c>GET</c> is compared inline; every other token is compared in a method of its own, so that the inlined part
    /// stays small in the generated dispatchers that call this on every request.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HttpMethods Parse(ReadOnlySpan<byte> method)
        => method.Length == 3 && method[0] == (byte)'G' && method[1] == (byte)'E' && method[2] == (byte)'T'
            ? HttpMethods.Get
            : ParseOther(method);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HttpMethods ParseOther(ReadOnlySpan<byte> method)
    {
        switch (method.Length)
        {
            case 3:
                if (method.SequenceEqual("PUT"u8)) return HttpMethods.Put;
                break;
            case 4:
                if (method.SequenceEqual("POST"u8)) return HttpMethods.Post;
                if (method.SequenceEqual("HEAD"u8)) return HttpMethods.Head;
                break;
            case 5:
                if (method.SequenceEqual("PATCH"u8)) return HttpMethods.Patch;
                if (method.SequenceEqual("TRACE"u8)) return HttpMethods.Trace;
                break;
            case 6:
                if (method.SequenceEqual("DELETE"u8)) return HttpMethods.Delete;
                break;
            case 7:
                if (method.SequenceEqual("OPTIONS"u8)) return HttpMethods.Options;
                if (method.SequenceEqual("CONNECT"u8)) return HttpMethods.Connect;
                break;
        }

        return HttpMethods.None;
    }

    /// <summary>The token of a single method flag, for example <c>"GET"u8</c>; empty for anything else.</summary>
    public static ReadOnlySpan<byte> Token(HttpMethods method) => method switch
    {
        HttpMethods.Get => "GET"u8,
        HttpMethods.Head => "HEAD"u8,
        HttpMethods.Post => "POST"u8,
        HttpMethods.Put => "PUT"u8,
        HttpMethods.Delete => "DELETE"u8,
        HttpMethods.Patch => "PATCH"u8,
        HttpMethods.Options => "OPTIONS"u8,
        HttpMethods.Trace => "TRACE"u8,
        HttpMethods.Connect => "CONNECT"u8,
        _ => default,
    };

    /// <summary>
    /// Writes a set of methods as the value of an <c>Allow</c> header (<c>GET, HEAD, POST</c>), in the
    /// order of the <see cref="HttpMethods"/> flags.
    /// </summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small; nothing useful is written then.</returns>
    public static bool TryFormatAllow(HttpMethods methods, Span<byte> destination, out int written)
    {
        written = 0;
        for (var flag = HttpMethods.Get; flag <= HttpMethods.Connect; flag = (HttpMethods)((int)flag << 1))
        {
            if ((methods & flag) == 0)
            {
                continue;
            }

            var token = Token(flag);
            var needed = token.Length + (written == 0 ? 0 : AllowSeparatorLength);
            if (destination.Length - written < needed)
            {
                written = 0;
                return false;
            }

            if (written != 0)
            {
                destination[written++] = (byte)',';
                destination[written++] = (byte)' ';
            }

            token.CopyTo(destination.Slice(written));
            written += token.Length;
        }

        return true;
    }

    /// <summary>The <c>Allow</c> header value as a string, for logs and tests (allocates).</summary>
    public static string FormatAllow(HttpMethods methods)
    {
        Span<byte> buffer = stackalloc byte[64];
        TryFormatAllow(methods, buffer, out var written);
        return System.Text.Encoding.ASCII.GetString(buffer.Slice(0, written));
    }
}
