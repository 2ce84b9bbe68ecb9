using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace HyperRoute.Http.Results;

/// <summary>
/// Writes what a handler returns into the response: the generated router calls these for a handler that returns a
/// value (JSON), a <see cref="string"/> (text), bytes, or one of the results of <see cref="HttpResults"/>. Nothing here
/// allocates beyond the response's pooled buffer.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultWriter
{
    /// <summary>Answers <paramref name="value"/> as <c>application/json</c> (status unchanged: 200 unless set).</summary>
    public static void Json<T>(HttpResponse response, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Json(value, typeInfo);
    }

    /// <summary>Answers <paramref name="text"/> as <c>text/plain; charset=utf-8</c> (empty for <see langword="null"/>).</summary>
    public static void Text(HttpResponse response, string? text)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.SetContentType("text/plain; charset=utf-8"u8);
        WriteUtf8(response, text);
    }

    /// <summary>Answers <paramref name="bytes"/> as <c>application/octet-stream</c>.</summary>
    public static void Bytes(HttpResponse response, ReadOnlyMemory<byte> bytes)
        => Bytes(response, bytes.Span, "application/octet-stream"u8);

    /// <summary>Answers <paramref name="bytes"/> with <paramref name="contentType"/>.</summary>
    public static void Bytes(HttpResponse response, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> contentType)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.SetContentType(contentType);
        response.Write(bytes);
    }

    /// <summary>Appends <paramref name="text"/> to the body as UTF-8.</summary>
    internal static void WriteUtf8(HttpResponse response, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var span = response.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        response.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>Sets the header <paramref name="name"/> to <paramref name="value"/> encoded as UTF-8 (nothing for <see langword="null"/>).</summary>
    internal static void SetHeader(HttpResponse response, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(value, buffer);
        response.SetHeader(name, buffer.Slice(0, written));
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
