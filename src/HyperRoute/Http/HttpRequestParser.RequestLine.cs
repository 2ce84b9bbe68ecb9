using System.Buffers.Binary;
using System;
using HyperRoute.Http.Parsing;

namespace HyperRoute.Http;

/// <summary>The request line: <c>method SP request-target SP HTTP-version CRLF</c>, and the forms of the target.</summary>
public static partial class HttpRequestParser
{
    private static bool TryParseRequestLine(ReadOnlySpan<byte> buffer, ref int pos, ref HttpRequestHead result, out HttpError error)
    {
        error = HttpError.None;

        // method SP
        var methodEnd = HttpChars.SkipToken(buffer, pos);
        if (methodEnd - pos > HttpLimits.MaxMethodLength)
        {
            error = HttpError.InvalidMethod; // a malformed request line, whether or not its end has arrived
            return false;
        }

        if (methodEnd == buffer.Length)
        {
            return false;
        }

        var methodLength = methodEnd - pos;
        if (buffer[methodEnd] != ' ' || methodLength == 0)
        {
            error = buffer[methodEnd] is (byte)'\r' or (byte)'\n' && methodLength > 0 ? HttpError.InvalidRequestLine : HttpError.InvalidMethod;
            return false;
        }

        result.Method = new HttpSlice(pos, methodLength);
        pos = methodEnd + 1;

        // request-target SP: visible ASCII only (no spaces, controls or raw UTF-8)
        var targetLength = buffer.Slice(pos).IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E);
        if (targetLength < 0)
        {
            return false;
        }

        if (targetLength == 0 || buffer[pos + targetLength] != ' ')
        {
            error = targetLength == 0 && buffer[pos] == ' ' ? HttpError.InvalidRequestLine : HttpError.InvalidTarget;
            return false;
        }

        result.Target = new HttpSlice(pos, targetLength);
        error = SplitTarget(buffer.Slice(pos, targetLength), pos, buffer.Slice(result.Method.Start, methodLength), ref result);
        if (error != HttpError.None)
        {
            return false;
        }

        pos += targetLength + 1;

        // HTTP-version CRLF; the common case is one 8-byte compare.
        var version = buffer.Slice(pos);
        if (version.Length >= 10 && version[8] == '\r' && version[9] == '\n')
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(version);
            if (word == Http11Word || word == Http10Word)
            {
                result.Version = word == Http11Word ? HttpVersion.Http11 : HttpVersion.Http10;
                pos += 10;
                return true;
            }
        }

        error = CheckVersion(version);
        return false;
    }

    private static readonly ulong Http11Word = BinaryPrimitives.ReadUInt64LittleEndian("HTTP/1.1"u8);
    private static readonly ulong Http10Word = BinaryPrimitives.ReadUInt64LittleEndian("HTTP/1.0"u8);

    // Why "HTTP/" DIGIT "." DIGIT CRLF is not there, or None while what has arrived is a valid start.
    private static HttpError CheckVersion(ReadOnlySpan<byte> version)
    {
        for (var i = 0; i < version.Length && i < 8; i++)
        {
            var b = version[i];
            var valid = i switch
            {
                < 5 => b == "HTTP/"u8[i],
                6 => b == '.',
                _ => HttpChars.IsDigit(b),
            };
            if (!valid)
            {
                return HttpError.InvalidRequestLine;
            }
        }

        if (version.Length >= 8 && (version[5] != '1' || version[7] > '1'))
        {
            return HttpError.UnsupportedVersion;
        }

        if (version.Length >= 9 && version[8] != '\r')
        {
            return version[8] == '\n' ? HttpError.InvalidLineEnding : HttpError.InvalidRequestLine;
        }

        return version.Length >= 10 ? HttpError.InvalidLineEnding : HttpError.None; // a CR not followed by LF, or more to come
    }

    // Origin form (/path?query), absolute form (http://host/path?query), asterisk form (OPTIONS *).
    private static HttpError SplitTarget(ReadOnlySpan<byte> target, int offset, ReadOnlySpan<byte> method, ref HttpRequestHead result)
    {
        var pathStart = 0;
        if (target[0] != '/')
        {
            if (target.Length == 1 && target[0] == '*' && method.SequenceEqual("OPTIONS"u8))
            {
                result.Path = new HttpSlice(offset, 1);
                result.IsAsteriskForm = true;
                return HttpError.None;
            }

            var scheme = target.IndexOf("://"u8);
            if (scheme <= 0 || !IsScheme(target.Slice(0, scheme)))
            {
                return HttpError.InvalidTarget;
            }

            // The authority is the request's host (RFC 9112 §3.2.2): uri-host [ ":" port ], never empty, and no userinfo
            // (RFC 9110 §4.2.4: a recipient should treat userinfo in an http URI as an error).
            var authorityStart = scheme + 3;
            var authorityLength = target.Slice(authorityStart).IndexOfAny((byte)'/', (byte)'?', (byte)'#');
            if (authorityLength < 0)
            {
                authorityLength = target.Length - authorityStart;
            }

            if (!HostSyntax.IsValid(target.Slice(authorityStart, authorityLength)))
            {
                return HttpError.InvalidTarget;
            }

            result.Host = new HttpSlice(offset + authorityStart, authorityLength);
            pathStart = authorityStart + authorityLength;
            if (pathStart == target.Length)
            {
                // "http://host": the path is empty, which means "/"; it has no bytes in the buffer to point at.
                result.Path = new HttpSlice(offset + target.Length, 0);
                return HttpError.None;
            }
        }

        var fragment = target.Slice(pathStart).IndexOf((byte)'#');
        var end = fragment < 0 ? target.Length : pathStart + fragment;
        var question = target.Slice(pathStart, end - pathStart).IndexOf((byte)'?');
        if (question < 0)
        {
            result.Path = new HttpSlice(offset + pathStart, end - pathStart);
        }
        else
        {
            result.Path = new HttpSlice(offset + pathStart, question);
            result.Query = new HttpSlice(offset + pathStart + question + 1, end - pathStart - question - 1);
        }

        return HttpError.None;
    }

    private static bool IsScheme(ReadOnlySpan<byte> scheme)
    {
        if (!char.IsAsciiLetter((char)scheme[0]))
        {
            return false;
        }

        foreach (var b in scheme)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b is not ((byte)'+' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }
}
