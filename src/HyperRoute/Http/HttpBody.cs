using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HyperRoute.Routing;

namespace HyperRoute.Http;

/// <summary>Reads typed request bodies for the generated dispatcher, and describes the failures.</summary>
public static class HttpBody
{
    /// <summary>
    /// Reads the body of <paramref name="request"/> as JSON into a <typeparamref name="T"/> with source-generated
    /// metadata (no reflection). <paramref name="maxLength"/> 0 means no limit beyond the server's.
    /// </summary>
    public static BodyProblem ReadJson<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, long maxLength, out T? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        value = default;
        var body = request.Body;
        if (!IsJson(request.ContentType))
        {
            return BodyProblem.UnsupportedMediaType;
        }

        if (maxLength > 0 && body.Length > maxLength)
        {
            return BodyProblem.TooLarge;
        }

        if (body.IsEmpty)
        {
            return BodyProblem.Missing;
        }

        try
        {
            value = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return BodyProblem.Malformed;
        }

        return value is null ? BodyProblem.Malformed : BodyProblem.None; // the literal null is not a body
    }

    /// <summary>The status a <see cref="BodyProblem"/> answers.</summary>
    public static int StatusCode(this BodyProblem problem) => problem switch
    {
        BodyProblem.None => 200,
        BodyProblem.UnsupportedMediaType => 415,
        BodyProblem.TooLarge => 413,
        _ => 400,
    };

    /// <summary>The problem's <c>detail</c>, as UTF-8.</summary>
    public static ReadOnlySpan<byte> Detail(this BodyProblem problem) => problem switch
    {
        BodyProblem.Missing => "The request body is empty; this route needs a JSON body."u8,
        BodyProblem.UnsupportedMediaType => "The request body must be application/json."u8,
        BodyProblem.TooLarge => "The request body is larger than this route accepts."u8,
        BodyProblem.Malformed => "The request body is not valid JSON for this route."u8,
        _ => default,
    };

    /// <summary><c>application/json</c> or <c>type/subtype+json</c>, with any parameters (<c>; charset=utf-8</c>), any ASCII case.</summary>
    public static bool IsJson(ReadOnlySpan<byte> contentType)
    {
        var semicolon = contentType.IndexOf((byte)';');
        var mediaType = (semicolon < 0 ? contentType : contentType.Slice(0, semicolon)).TrimEnd((byte)' ');
        if (Utf8Literal.EqualsIgnoreCase(mediaType, "application/json"u8))
        {
            return true;
        }

        var slash = mediaType.IndexOf((byte)'/');
        return slash > 0 && mediaType.Length > 5 && Utf8Literal.EqualsIgnoreCase(mediaType.Slice(mediaType.Length - 5), "+json"u8);
    }
}
