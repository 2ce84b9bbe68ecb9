using System;
using System.Collections.Generic;
using System.Text.Json;

namespace HyperRoute.Http.Results;

/// <summary>Answers <c>204 No Content</c>. Made by <see cref="HttpResults.NoContent"/>.</summary>
public readonly struct NoContent : IHttpResult
{
    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 204;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
    }
}

/// <summary>
/// Answers RFC 9457 problem details as <c>application/problem+json</c>:
/// <c>{"type":"about:blank","title":"Conflict","status":409,"detail":"…"}</c>. Made by <see cref="HttpResults.Problem"/>.
/// </summary>
public readonly struct ProblemHttpResult : IHttpResult
{
    internal ProblemHttpResult(int statusCode, string? title, string? detail)
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
    }

    /// <summary>The status code the result answers with.</summary>
    public int StatusCode { get; }

    /// <summary>The problem's title; the status's reason phrase when <see langword="null"/>.</summary>
    public string? Title { get; }

    /// <summary>The problem's detail, or <see langword="null"/> for none.</summary>
    public string? Detail { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Clear();
        response.StatusCode = StatusCode;
        response.SetContentType("application/problem+json"u8);
        using var json = new Utf8JsonWriter(response);
        json.WriteStartObject();
        json.WriteString("type"u8, "about:blank"u8);
        if (Title is null)
        {
            json.WriteString("title"u8, HttpStatus.Reason(StatusCode));
        }
        else
        {
            json.WriteString("title"u8, Title);
        }

        json.WriteNumber("status"u8, StatusCode);
        if (Detail is not null)
        {
            json.WriteString("detail"u8, Detail);
        }

        json.WriteEndObject();
    }
}

/// <summary>
/// Answers <c>400 Bad Request</c> with RFC 9457 validation problem details, as ASP.NET Core does:
/// <c>{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"title":["must not be empty"]}}</c>.
/// Made by <see cref="HttpResults.ValidationProblem"/>.
/// </summary>
public readonly struct ValidationProblem : IHttpResult
{
    internal ValidationProblem(IReadOnlyDictionary<string, string[]> errors) => Errors = errors;

    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 400;

    /// <summary>The messages of each field at fault.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Clear();
        response.StatusCode = StatusCode;
        response.SetContentType("application/problem+json"u8);
        using var json = new Utf8JsonWriter(response);
        json.WriteStartObject();
        json.WriteString("type"u8, "https://tools.ietf.org/html/rfc9110#section-15.5.1"u8);
        json.WriteString("title"u8, "One or more validation errors occurred."u8);
        json.WriteNumber("status"u8, StatusCode);
        json.WriteStartObject("errors"u8);
        if (Errors is not null)
        {
            foreach (var (field, messages) in Errors)
            {
                json.WriteStartArray(field);
                foreach (var message in messages ?? Array.Empty<string>())
                {
                    json.WriteStringValue(message);
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}

/// <summary>
/// Answers <c>302 Found</c> (<c>301 Moved Permanently</c> when permanent) with a <c>Location</c> header. Made by
/// <see cref="HttpResults.Redirect"/>.
/// </summary>
public readonly struct RedirectHttpResult : IHttpResult
{
    internal RedirectHttpResult(string url, bool permanent)
    {
        Url = url;
        Permanent = permanent;
    }

    /// <summary>Where the client is sent: the <c>Location</c> header's value.</summary>
    public string Url { get; }

    /// <summary>The move is permanent (301) rather than temporary (302).</summary>
    public bool Permanent { get; }

    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => Permanent ? 301 : 302;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        ResultWriter.SetHeader(response, "Location"u8, Url);
    }
}

/// <summary>
/// Answers <c>200 OK</c> with text: UTF-8 bytes or a string, as <c>text/plain; charset=utf-8</c> unless another content
/// type is given. Made by <see cref="HttpResults.Text(string, string)"/> and <see cref="HttpResults.Text(ReadOnlyMemory{byte}, string)"/>.
/// </summary>
public readonly struct TextHttpResult : IHttpResult
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly string? _text;

    internal TextHttpResult(ReadOnlyMemory<byte> utf8, string? text, string? contentType)
    {
        _utf8 = utf8;
        _text = text;
        ContentType = contentType;
    }

    /// <summary>The <c>Content-Type</c>; <c>text/plain; charset=utf-8</c> when <see langword="null"/>.</summary>
    public string? ContentType { get; }

    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 200;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        if (ContentType is null)
        {
            response.SetContentType("text/plain; charset=utf-8"u8);
        }
        else
        {
            ResultWriter.SetHeader(response, "Content-Type"u8, ContentType);
        }

        if (_text is not null)
        {
            ResultWriter.WriteUtf8(response, _text);
        }
        else
        {
            response.Write(_utf8.Span);
        }
    }
}

/// <summary>Answers <c>200 OK</c> with bytes and their content type. Made by <see cref="HttpResults.Bytes"/>.</summary>
public readonly struct FileContentHttpResult : IHttpResult
{
    internal FileContentHttpResult(ReadOnlyMemory<byte> contents, string contentType)
    {
        Contents = contents;
        ContentType = contentType;
    }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Contents { get; }

    /// <summary>The <c>Content-Type</c>.</summary>
    public string ContentType { get; }

    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 200;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        ResultWriter.SetHeader(response, "Content-Type"u8, ContentType ?? "application/octet-stream");
        response.Write(Contents.Span);
    }
}
