using System;

namespace HyperRoute.Http;

public static partial class HttpRequestParser
{
    /// <summary>
    /// Checks the received bytes of a request head whose end has not arrived yet (<see cref="HeadScan.FindEnd"/>
    /// returned -1 without an error): returns the violation when no continuation can make the head valid, so the
    /// server answers at once instead of waiting for bytes that cannot help (or for the headers timeout).
    /// Every complete line is parsed as <see cref="ParseHead{TSlots}"/> would; of the incomplete last line, the
    /// bytes so far must be the start of a valid line. Returns <see cref="HttpError.None"/> while the head may
    /// still become valid. The rules that need the whole head (a missing <c>Host</c>, <c>Content-Length</c> with
    /// <c>Transfer-Encoding</c>, bound headers sent twice) wait for <see cref="ParseHead{TSlots}"/>.
    /// </summary>
    public static HttpError CheckIncompleteHead(ReadOnlySpan<byte> received, HttpLimits limits)
    {
        var start = 0;
        while (start + 1 < received.Length && received[start] == '\r' && received[start + 1] == '\n')
        {
            start += 2; // leading empty lines
        }

        var complete = received.LastIndexOf((byte)'\n') + 1;
        if (complete <= start)
        {
            return CheckRequestLineStart(received.Slice(start));
        }

        var error = Parse<NoHeaderSlots>(received.Slice(0, complete), limits, out _, default, complete: false);
        return error != HttpError.None ? error : CheckFieldLineStart(received.Slice(complete));
    }

    // The start of "method SP request-target SP HTTP-version CRLF", without its LF.
    private static HttpError CheckRequestLineStart(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return HttpError.None;
        }

        if (line[0] == '\r')
        {
            return line.Length > 1 ? HttpError.InvalidLineEnding : HttpError.None; // a CR that may begin an empty line
        }

        var methodLength = line.IndexOfAnyExcept(HttpChars.Token);
        if (methodLength < 0)
        {
            return HttpError.None;
        }

        if (methodLength == 0 || line[methodLength] != ' ')
        {
            return line[methodLength] is (byte)'\r' or (byte)'\n' ? HttpError.InvalidRequestLine : HttpError.InvalidMethod;
        }

        var rest = line.Slice(methodLength + 1);
        var targetLength = rest.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E);
        if (targetLength < 0)
        {
            return HttpError.None;
        }

        if (targetLength == 0 || rest[targetLength] != ' ')
        {
            return targetLength == 0 && rest[0] == ' ' ? HttpError.InvalidRequestLine : HttpError.InvalidTarget;
        }

        HttpRequestHead scratch = default;
        var error = SplitTarget(rest.Slice(0, targetLength), 0, line.Slice(0, methodLength), ref scratch);
        if (error != HttpError.None)
        {
            return error;
        }

        // "HTTP/" DIGIT "." DIGIT CR, as far as it has arrived.
        var version = rest.Slice(targetLength + 1);
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

        return version.Length >= 10 ? HttpError.InvalidLineEnding : HttpError.None; // a CR not followed by LF
    }

    // The start of a field line (or of the final empty line), without its LF.
    private static HttpError CheckFieldLineStart(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return HttpError.None;
        }

        if (line[0] == '\r')
        {
            return line.Length > 1 ? HttpError.InvalidLineEnding : HttpError.None; // a CR that may begin the empty line
        }

        if (HttpChars.IsWhitespace(line[0]))
        {
            return HttpError.ObsoleteLineFolding;
        }

        var nameLength = line.IndexOfAnyExcept(HttpChars.Token);
        if (nameLength < 0)
        {
            return HttpError.None;
        }

        if (nameLength == 0 || line[nameLength] != ':')
        {
            return HttpError.InvalidHeaderName;
        }

        var value = line.Slice(nameLength + 1);
        var stop = value.IndexOfAny(HttpChars.NotFieldValue);
        if (stop < 0 || (stop == value.Length - 1 && value[stop] == '\r'))
        {
            return HttpError.None; // the value so far is valid, or ends in the CR of its CRLF
        }

        return value[stop] == '\r' ? HttpError.InvalidLineEnding : HttpError.InvalidHeaderValue;
    }
}
