using System;
using System.Collections.Generic;

namespace HyperRoute.Http.Results;

/// <summary>
/// Makes the results a handler returns, with the names and meanings of ASP.NET Core's <c>TypedResults</c>:
/// <c>HttpResults.Ok(todo)</c>, <c>HttpResults.NotFound()</c>, <c>HttpResults.Created($"/todos/{id}", todo)</c>. Each is a
/// small readonly struct (<see cref="Ok{TValue}"/>, <see cref="NotFound"/>, …) that allocates nothing beyond your value.
/// A route that can answer in several ways says so in its return type, <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>.
/// </summary>
/// <remarks>
/// Named <c>HttpResults</c>, not <c>TypedResults</c> or <c>Results</c>, so that a file importing both
/// <c>Microsoft.AspNetCore.Http</c> and <c>HyperRoute.Http.Results</c> can name it without ambiguity. Values are written
/// as JSON by the generated router, with the type info of its JSON context (<c>[Router(Json = typeof(AppJson))]</c>).
/// </remarks>
public static class HttpResults
{
    /// <summary><c>200 OK</c>, no body.</summary>
    public static Ok Ok() => default;

    /// <summary><c>200 OK</c> with <paramref name="value"/> as JSON.</summary>
    public static Ok<TValue> Ok<TValue>(TValue? value) => new(value);

    /// <summary><c>201 Created</c>, no body and no <c>Location</c>.</summary>
    public static Created Created() => default;

    /// <summary><c>201 Created</c> with a <c>Location</c> header and no body.</summary>
    public static Created Created(string? location) => new(location);

    /// <summary><c>201 Created</c> with a <c>Location</c> header (none when <see langword="null"/>) and <paramref name="value"/> as JSON.</summary>
    public static Created<TValue> Created<TValue>(string? location, TValue? value) => new(location, value);

    /// <summary><c>202 Accepted</c> with a <c>Location</c> header when <paramref name="location"/> is given, no body.</summary>
    public static Accepted Accepted(string? location = null) => new(location);

    /// <summary><c>202 Accepted</c> with a <c>Location</c> header (none when <see langword="null"/>) and <paramref name="value"/> as JSON.</summary>
    public static Accepted<TValue> Accepted<TValue>(string? location, TValue? value) => new(location, value);

    /// <summary><c>204 No Content</c>.</summary>
    public static NoContent NoContent() => default;

    /// <summary><c>404 Not Found</c>, no body.</summary>
    public static NotFound NotFound() => default;

    /// <summary><c>404 Not Found</c> with <paramref name="value"/> as JSON.</summary>
    public static NotFound<TValue> NotFound<TValue>(TValue? value) => new(value);

    /// <summary><c>400 Bad Request</c>, no body.</summary>
    public static BadRequest BadRequest() => default;

    /// <summary><c>400 Bad Request</c> with <paramref name="error"/> as JSON.</summary>
    public static BadRequest<TValue> BadRequest<TValue>(TValue? error) => new(error);

    /// <summary><c>409 Conflict</c>, no body.</summary>
    public static Conflict Conflict() => default;

    /// <summary><c>409 Conflict</c> with <paramref name="error"/> as JSON.</summary>
    public static Conflict<TValue> Conflict<TValue>(TValue? error) => new(error);

    /// <summary>RFC 9457 problem details (<c>application/problem+json</c>); the title defaults to the status's reason phrase.</summary>
    public static ProblemHttpResult Problem(int statusCode = 500, string? title = null, string? detail = null) => new(statusCode, title, detail);

    /// <summary><c>400 Bad Request</c> with validation problem details: the messages of each field at fault.</summary>
    public static ValidationProblem ValidationProblem(IReadOnlyDictionary<string, string[]> errors)
        => new(errors ?? throw new ArgumentNullException(nameof(errors)));

    /// <summary><c>302 Found</c> (<c>301 Moved Permanently</c> when <paramref name="permanent"/>) to <paramref name="url"/>.</summary>
    public static RedirectHttpResult Redirect(string url, bool permanent = false)
        => new(url ?? throw new ArgumentNullException(nameof(url)), permanent);

    /// <summary><c>200 OK</c> with UTF-8 text, <c>text/plain; charset=utf-8</c> unless <paramref name="contentType"/> says otherwise. Keep the bytes in a static field: the result holds them, it does not copy.</summary>
    public static TextHttpResult Text(ReadOnlyMemory<byte> utf8Content, string? contentType = null) => new(utf8Content, null, contentType);

    /// <summary><c>200 OK</c> with <paramref name="content"/> as UTF-8 text, <c>text/plain; charset=utf-8</c> unless <paramref name="contentType"/> says otherwise.</summary>
    public static TextHttpResult Text(string? content, string? contentType = null) => new(default, content ?? "", contentType);

    /// <summary><c>200 OK</c> with <paramref name="contents"/> as the body and <paramref name="contentType"/> (<c>application/octet-stream</c> by default).</summary>
    public static FileContentHttpResult Bytes(ReadOnlyMemory<byte> contents, string contentType = "application/octet-stream") => new(contents, contentType);
}
