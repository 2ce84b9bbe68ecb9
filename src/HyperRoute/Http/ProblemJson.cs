using System;
using System.Buffers.Text;

namespace HyperRoute.Http;

/// <summary>
/// Writes RFC 9457 problem details (<c>application/problem+json</c>) into a response, from UTF-8 spans, with
/// JSON string escaping and no allocation:
/// <c>{"type":"about:blank","title":"Bad Request","status":400,"field":"id","detail":"id must be positive"}</c>.
/// The generated dispatcher writes one when a validator refuses a request or a typed body cannot be read.
/// </summary>
public static class ProblemJson
{
    /// <summary>
    /// Answers <paramref name="status"/> with a problem naming <paramref name="field"/> (omitted when empty) and
    /// <paramref name="detail"/>; the title is the status's reason phrase. Whatever the response held is replaced.
    /// </summary>
    public static void Write(HttpResponse response, int status, ReadOnlySpan<byte> field, ReadOnlySpan<byte> detail)
        => Write(response, status, HttpStatus.Reason(status), field, detail);

    /// <summary>Answers <paramref name="status"/> with a problem titled <paramref name="title"/>; whatever the response held is replaced.</summary>
    public static void Write(HttpResponse response, int status, ReadOnlySpan<byte> title, ReadOnlySpan<byte> field, ReadOnlySpan<byte> detail)
        => Write(response, status, title, field, detail, default, default);

    /// <summary>
    /// Answers <paramref name="status"/> with a problem whose detail is <paramref name="detail"/>, then
    /// <paramref name="detailName"/>, then <paramref name="detailEnd"/> (a parameter's name inside a sentence, without
    /// putting the sentence together in a buffer first); whatever the response held is replaced.
    /// </summary>
    internal static void Write(
        HttpResponse response,
        int status,
        ReadOnlySpan<byte> title,
        ReadOnlySpan<byte> field,
        ReadOnlySpan<byte> detail,
        ReadOnlySpan<byte> detailName,
        ReadOnlySpan<byte> detailEnd)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Clear();
        response.StatusCode = status;
        response.SetContentType("application/problem+json"u8);
        response.Write("{\"type\":\"about:blank\",\"title\":\""u8);
        WriteEscaped(response, title);
        response.Write("\",\"status\":"u8);
        Utf8Formatter.TryFormat(status, response.GetSpan(11), out var written);
        response.Advance(written);
        if (!field.IsEmpty)
        {
            response.Write(",\"field\":\""u8);
            WriteEscaped(response, field);
            response.Write("\""u8);
        }

        if (!detail.IsEmpty || !detailName.IsEmpty || !detailEnd.IsEmpty)
        {
            response.Write(",\"detail\":\""u8);
            WriteEscaped(response, detail);
            WriteEscaped(response, detailName);
            WriteEscaped(response, detailEnd);
            response.Write("\""u8);
        }

        response.Write("}"u8);
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) as the inside of a JSON string: quotes, backslashes and control characters escaped.</summary>
    public static void WriteEscaped(HttpResponse response, ReadOnlySpan<byte> text)
    {
        ArgumentNullException.ThrowIfNull(response);
        while (!text.IsEmpty)
        {
            var plain = IndexOfEscape(text);
            if (plain < 0)
            {
                response.Write(text);
                return;
            }

            response.Write(text.Slice(0, plain));
            var b = text[plain];
            switch (b)
            {
                case (byte)'"':
                    response.Write("\\\""u8);
                    break;
                case (byte)'\\':
                    response.Write("\\\\"u8);
                    break;
                case (byte)'\n':
                    response.Write("\\n"u8);
                    break;
                case (byte)'\r':
                    response.Write("\\r"u8);
                    break;
                case (byte)'\t':
                    response.Write("\\t"u8);
                    break;
                default:
                    var escape = response.GetSpan(6);
                    "\\u00"u8.CopyTo(escape);
                    escape[4] = Hex(b >> 4);
                    escape[5] = Hex(b & 0xF);
                    response.Advance(6);
                    break;
            }

            text = text.Slice(plain + 1);
        }
    }

    private static int IndexOfEscape(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x20 || text[i] == '"' || text[i] == '\\')
            {
                return i;
            }
        }

        return -1;
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
