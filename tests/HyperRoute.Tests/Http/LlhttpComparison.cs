using System;
using System.Collections.Generic;
using System.Linq;
using HyperRoute.Http;

namespace HyperRoute.Tests.Http;

/// <summary>How a case compares with llhttp.</summary>
internal enum Agreement
{
    /// <summary>Same verdict, and every message read alike.</summary>
    Agree,
    /// <summary>A different verdict, listed with its reason.</summary>
    ByDesign,
    /// <summary>The heads agree; llhttp's verdict lies in a chunked body, which the head parser does not read (<see cref="LlhttpServerTests"/> checks it on the live server).</summary>
    ChunkedBody,
    /// <summary>A different verdict that is not listed: a failure.</summary>
    Disagree,
}

internal sealed record Classification(Agreement Kind, string Detail, bool ByHostRule = false);

/// <summary>How reading the bytes as a server would stopped.</summary>
internal enum StreamEnd
{
    /// <summary>Every byte was read; nothing (or only empty lines) followed the last message.</summary>
    Idle,
    /// <summary>More bytes are needed (for a head, or for a Content-Length body).</summary>
    Incomplete,
    /// <summary>The parser rejected a head.</summary>
    Error,
    /// <summary>A head declared a chunked body, which this parser does not read.</summary>
    Chunked,
    /// <summary>A message did not keep the connection alive, and bytes followed it: the server stops reading.</summary>
    Closed,
}

/// <summary>A message as the parser read it: its head (header fields as recorded through the slot table) and body.</summary>
internal sealed record ParsedMessage(
    string Method,
    string Target,
    HttpVersion Version,
    IReadOnlyList<(string Name, string Value)> Headers,
    long ContentLength,
    bool IsChunked,
    bool KeepAlive,
    string? Body,
    bool HostAdded,
    int HeadEnd);

/// <param name="Messages">The messages read in full.</param>
/// <param name="Partial">The message whose head was read but whose body was not (incomplete, or chunked).</param>
/// <param name="Bytes">The bytes read: the case's, with the Host lines added where the reading added them.</param>
internal sealed record StreamResult(IReadOnlyList<ParsedMessage> Messages, ParsedMessage? Partial, StreamEnd End, HttpError Error, byte[] Bytes);

/// <summary>Reads a case's bytes message after message, as a server reads a connection, and compares with llhttp.</summary>
internal static class LlhttpComparison
{
    // Added before the empty line of an HTTP/1.1 head without Host, to check the rest of it.
    private static readonly byte[] HostLine = "Host: llhttp-corpus\r\n"u8.ToArray();

    public static Classification Classify(LlhttpCase item, IReadOnlyDictionary<string, string> byDesign)
    {
        var stream = Read(item.Raw);
        var result = Compare(item, stream);
        if (!byDesign.TryGetValue(item.Id, out var reason))
        {
            return result;
        }

        return result.Kind == Agreement.Disagree
            ? new Classification(Agreement.ByDesign, $"{reason} [here: {result.Detail}]")
            : new Classification(Agreement.Disagree, $"listed as by design, but now {result.Kind} ({result.Detail}): remove it from the list");
    }

    /// <summary>Reads <paramref name="raw"/> message after message as a server would.</summary>
    /// <param name="raw">The case's bytes.</param>
    /// <param name="checkPastMissingHost">
    /// On a missing <c>Host</c>, add one and read on, to compare the rest with llhttp (which does not apply the
    /// rule); a server stops there with 400 instead.
    /// </param>
    public static StreamResult Read(byte[] raw, bool checkPastMissingHost = true)
    {
        var limits = HttpLimits.Default;
        var messages = new List<ParsedMessage>();
        var slots = new HttpSlice[RecordingSlots.HeaderSlotCount];
        var buffer = raw;
        var shift = 0; // bytes added to buffer (Host lines) before pos
        var hostAdded = false;
        var pos = 0;
        while (true)
        {
            var rest = buffer.AsSpan(pos);
            if (OnlyEmptyLines(rest))
            {
                return new StreamResult(messages, null, StreamEnd.Idle, HttpError.None, buffer);
            }

            RecordingSlots.Reset();
            if (!HttpRequestParser.TryParse<RecordingSlots>(rest, limits, out var head, slots, out var error))
            {
                if (error == HttpError.MissingHost && !hostAdded && checkPastMissingHost)
                {
                    // The Host rule is a server's (RFC 9112 §3.2), llhttp does not apply it: check the rest of the head.
                    var at = pos + HeadEnd(rest) - 2;
                    buffer = [.. buffer.AsSpan(0, at), .. HostLine, .. buffer.AsSpan(at)];
                    shift += HostLine.Length;
                    hostAdded = true;
                    continue;
                }

                return new StreamResult(messages, null, error == HttpError.None ? StreamEnd.Incomplete : StreamEnd.Error, error, buffer);
            }

            var headers = new List<(string Name, string Value)>();
            for (var i = 0; i < RecordingSlots.Names.Count; i++)
            {
                headers.Add((RecordingSlots.Names[i], LlhttpCorpus.Latin1(slots[i].Of(rest))));
            }

            if (hostAdded)
            {
                headers.RemoveAt(headers.Count - 1);
            }

            var message = new ParsedMessage(
                LlhttpCorpus.Latin1(head.Method.Of(rest)),
                LlhttpCorpus.Latin1(head.Target.Of(rest)),
                head.Version,
                headers,
                head.ContentLength,
                head.IsChunked,
                head.KeepAlive,
                Body: null,
                hostAdded,
                HeadEnd: pos + head.Length - shift);
            hostAdded = false;
            pos += head.Length;
            if (head.IsChunked)
            {
                return new StreamResult(messages, message, StreamEnd.Chunked, HttpError.None, buffer);
            }

            var bodyLength = (int)Math.Max(0, head.ContentLength);
            if (buffer.Length - pos < bodyLength)
            {
                return new StreamResult(messages, message, StreamEnd.Incomplete, HttpError.None, buffer);
            }

            messages.Add(message with { Body = LlhttpCorpus.Latin1(buffer.AsSpan(pos, bodyLength)) });
            pos += bodyLength;
            if (!head.KeepAlive && !OnlyEmptyLines(buffer.AsSpan(pos)))
            {
                return new StreamResult(messages, null, StreamEnd.Closed, HttpError.None, buffer);
            }
        }
    }

    private static Classification Compare(LlhttpCase item, StreamResult stream)
    {
        var theirs = item.Messages;
        var ours = stream.Messages;
        var hostRule = ours.Any(m => m.HostAdded) || stream.Partial?.HostAdded == true;

        // Every message both read must be read alike; a partial message's head too.
        for (var i = 0; i < Math.Min(ours.Count, theirs.Count) && theirs[i].HeadersComplete; i++)
        {
            var mismatch = Mismatch(theirs[i], ours[i], compareBody: theirs[i].Complete);
            if (mismatch is not null)
            {
                return new Classification(Agreement.Disagree, $"message {i + 1}: {mismatch}");
            }
        }

        var stopped = ours.Count; // the message where reading stopped
        if (stream.Partial is not null && stopped < theirs.Count && theirs[stopped].HeadersComplete)
        {
            var mismatch = Mismatch(theirs[stopped], stream.Partial, compareBody: false);
            if (mismatch is not null)
            {
                return new Classification(Agreement.Disagree, $"message {stopped + 1}: {mismatch}");
            }
        }

        var here = stream.End switch
        {
            StreamEnd.Error => $"rejected message {stopped + 1} with {stream.Error} ({stream.Error.StatusCode()})",
            StreamEnd.Incomplete => $"needs more bytes for message {stopped + 1}",
            StreamEnd.Chunked => $"message {stopped + 1} has a chunked body",
            StreamEnd.Closed => $"stops reading after message {stopped} (no keep-alive)",
            _ => $"read {ours.Count} message(s)",
        };
        var llhttp = item.Expect == "error" ? $"llhttp: error '{item.ErrorReason}' at {item.ErrorOffset}" : $"llhttp: {item.Expect}";
        var detail = $"{here}; {llhttp}";
        var waiting = theirs.Select((m, i) => (m, i)).FirstOrDefault(x => !x.m.Complete, (null!, theirs.Count)).Item2; // where llhttp stopped

        Classification Agree() => new(Agreement.Agree, detail + (hostRule ? "; 400 by the Host rule, the rest agrees" : ""), hostRule);
        Classification Body() => new(Agreement.ChunkedBody, detail + "; the heads agree");
        Classification Disagree() => new(Agreement.Disagree, detail);

        switch (item.Expect)
        {
            case "ok" or "upgrade":
                if (stream.End == StreamEnd.Chunked && stopped < theirs.Count)
                {
                    return Body();
                }

                return stopped >= theirs.Count && stream.End == StreamEnd.Idle ? Agree() : Disagree();
            case "incomplete":
                if (stream.End == StreamEnd.Chunked && stopped <= waiting)
                {
                    return Body();
                }

                return stream.End == StreamEnd.Incomplete && stopped == waiting ? Agree() : Disagree();
            case "error":
                if (stream.End == StreamEnd.Chunked && stopped <= waiting && item.ErrorOffset >= stream.Partial!.HeadEnd)
                {
                    return Body();
                }

                return stream.End == StreamEnd.Error && stopped == waiting ? Agree() : Disagree();
            default:
                throw new InvalidOperationException($"{item.Id}: unknown expectation '{item.Expect}'");
        }
    }

    private static string? Mismatch(LlhttpMessage theirs, ParsedMessage ours, bool compareBody)
    {
        if (theirs.Method != ours.Method)
        {
            return $"method '{ours.Method}', llhttp '{theirs.Method}'";
        }

        if (theirs.Url != ours.Target)
        {
            return $"target '{ours.Target}', llhttp '{theirs.Url}'";
        }

        var version = ours.Version == HttpVersion.Http11 ? "1.1" : "1.0";
        if (theirs.Version != version)
        {
            return $"version {version}, llhttp {theirs.Version}";
        }

        if (!theirs.HeadersComplete)
        {
            return null;
        }

        if (!theirs.Headers.SequenceEqual(ours.Headers))
        {
            return $"headers [{Show(ours.Headers)}], llhttp [{Show(theirs.Headers)}]";
        }

        if (theirs.Flags.Contains("CHUNKED") != ours.IsChunked)
        {
            return $"chunked {ours.IsChunked}, llhttp flags [{string.Join(", ", theirs.Flags)}]";
        }

        var hasLength = theirs.Flags.Contains("CONTENT_LENGTH");
        if (hasLength != ours.ContentLength >= 0 || (hasLength && theirs.ContentLength != ours.ContentLength))
        {
            return $"Content-Length {ours.ContentLength}, llhttp {(hasLength ? theirs.ContentLength : "none")}";
        }

        // llhttp_should_keep_alive, before the upgrade: HTTP/1.1 unless "close", HTTP/1.0 only with "keep-alive".
        var keepAlive = version == "1.1" ? !theirs.Flags.Contains("CONNECTION_CLOSE") : theirs.Flags.Contains("CONNECTION_KEEP_ALIVE");
        if (keepAlive != ours.KeepAlive)
        {
            return $"keep-alive {ours.KeepAlive}, llhttp {keepAlive}";
        }

        if (compareBody && ours.Body is not null && theirs.Body != ours.Body)
        {
            return $"body '{ours.Body}', llhttp '{theirs.Body}'";
        }

        return null;
    }

    private static string Show(IEnumerable<(string Name, string Value)> headers) => string.Join(", ", headers.Select(h => $"{h.Name}: {h.Value}"));

    // Where a complete head ends (just after its empty line), leading empty lines skipped.
    private static int HeadEnd(ReadOnlySpan<byte> bytes)
    {
        var start = 0;
        while (bytes.Slice(start).StartsWith("\r\n"u8))
        {
            start += 2;
        }

        return start + bytes.Slice(start).IndexOf("\r\n\r\n"u8) + 4;
    }

    private static bool OnlyEmptyLines(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i += 2)
        {
            if (i + 1 >= bytes.Length || bytes[i] != '\r' || bytes[i + 1] != '\n')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A header table that gives every field its own slot, in order, and records its name: the parser's view of all fields.</summary>
    private readonly struct RecordingSlots : IHttpHeaderSlots
    {
        [ThreadStatic]
        private static List<string>? t_names;

        public static int HeaderSlotCount => 128;

        public static List<string> Names => t_names ??= [];

        public static int HeaderSlot(ReadOnlySpan<byte> name)
        {
            Names.Add(LlhttpCorpus.Latin1(name));
            return Names.Count - 1;
        }

        public static void Reset() => Names.Clear();
    }
}
