using System.Text.Json.Serialization.Metadata;

namespace HyperRoute.Http.Results;

/// <summary>Answers <c>200 OK</c> with no body. Made by <see cref="HttpResults.Ok()"/>.</summary>
public readonly struct Ok : IHttpResult
{
    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 200;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
    }
}

/// <summary>Answers <c>200 OK</c> with <see cref="Value"/> as <c>application/json</c>. Made by <see cref="HttpResults.Ok{TValue}(TValue)"/>.</summary>
/// <typeparam name="TValue">The type of the value; the router's JSON context must describe it.</typeparam>
public readonly struct Ok<TValue> : IValueHttpResult<TValue>
{
    internal Ok(TValue? value) => Value = value;

    /// <inheritdoc />
    public int StatusCode => 200;

    /// <inheritdoc />
    public TValue? Value { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response, JsonTypeInfo<TValue> typeInfo)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        if (Value is not null)
        {
            response.Json(Value, typeInfo);
        }
    }
}

/// <summary>Answers <c>201 Created</c> with no body and a <c>Location</c> header when <see cref="Location"/> is set. Made by <see cref="HttpResults.Created(string)"/>.</summary>
public readonly struct Created : IHttpResult
{
    internal Created(string? location) => Location = location;

    /// <summary>The <c>Location</c> header's value, or <see langword="null"/> for none.</summary>
    public string? Location { get; }

    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 201;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        ResultWriter.SetHeader(response, "Location"u8, Location);
    }
}

/// <summary>Answers <c>201 Created</c> with <see cref="Value"/> as <c>application/json</c> and a <c>Location</c> header when <see cref="Location"/> is set. Made by <see cref="HttpResults.Created{TValue}(string, TValue)"/>.</summary>
/// <typeparam name="TValue">The type of the value; the router's JSON context must describe it.</typeparam>
public readonly struct Created<TValue> : IValueHttpResult<TValue>
{
    internal Created(string? location, TValue? value)
    {
        Location = location;
        Value = value;
    }

    /// <summary>The <c>Location</c> header's value, or <see langword="null"/> for none.</summary>
    public string? Location { get; }

    /// <inheritdoc />
    public int StatusCode => 201;

    /// <inheritdoc />
    public TValue? Value { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response, JsonTypeInfo<TValue> typeInfo)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        ResultWriter.SetHeader(response, "Location"u8, Location);
        if (Value is not null)
        {
            response.Json(Value, typeInfo);
        }
    }
}

/// <summary>Answers <c>202 Accepted</c> with no body and a <c>Location</c> header when <see cref="Location"/> is set. Made by <see cref="HttpResults.Accepted(string)"/>.</summary>
public readonly struct Accepted : IHttpResult
{
    internal Accepted(string? location) => Location = location;

    /// <summary>The <c>Location</c> header's value, or <see langword="null"/> for none.</summary>
    public string? Location { get; }

    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 202;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        ResultWriter.SetHeader(response, "Location"u8, Location);
    }
}

/// <summary>Answers <c>202 Accepted</c> with <see cref="Value"/> as <c>application/json</c> and a <c>Location</c> header when <see cref="Location"/> is set. Made by <see cref="HttpResults.Accepted{TValue}(string, TValue)"/>.</summary>
/// <typeparam name="TValue">The type of the value; the router's JSON context must describe it.</typeparam>
public readonly struct Accepted<TValue> : IValueHttpResult<TValue>
{
    internal Accepted(string? location, TValue? value)
    {
        Location = location;
        Value = value;
    }

    /// <summary>The <c>Location</c> header's value, or <see langword="null"/> for none.</summary>
    public string? Location { get; }

    /// <inheritdoc />
    public int StatusCode => 202;

    /// <inheritdoc />
    public TValue? Value { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response, JsonTypeInfo<TValue> typeInfo)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        ResultWriter.SetHeader(response, "Location"u8, Location);
        if (Value is not null)
        {
            response.Json(Value, typeInfo);
        }
    }
}

/// <summary>Answers <c>404 Not Found</c> with no body. Made by <see cref="HttpResults.NotFound()"/>.</summary>
public readonly struct NotFound : IHttpResult
{
    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 404;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
    }
}

/// <summary>Answers <c>404 Not Found</c> with <see cref="Value"/> as <c>application/json</c>. Made by <see cref="HttpResults.NotFound{TValue}(TValue)"/>.</summary>
/// <typeparam name="TValue">The type of the value; the router's JSON context must describe it.</typeparam>
public readonly struct NotFound<TValue> : IValueHttpResult<TValue>
{
    internal NotFound(TValue? value) => Value = value;

    /// <inheritdoc />
    public int StatusCode => 404;

    /// <inheritdoc />
    public TValue? Value { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response, JsonTypeInfo<TValue> typeInfo)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        if (Value is not null)
        {
            response.Json(Value, typeInfo);
        }
    }
}

/// <summary>Answers <c>400 Bad Request</c> with no body. Made by <see cref="HttpResults.BadRequest()"/>.</summary>
public readonly struct BadRequest : IHttpResult
{
    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 400;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
    }
}

/// <summary>Answers <c>400 Bad Request</c> with <see cref="Value"/> as <c>application/json</c>. Made by <see cref="HttpResults.BadRequest{TValue}(TValue)"/>.</summary>
/// <typeparam name="TValue">The type of the value; the router's JSON context must describe it.</typeparam>
public readonly struct BadRequest<TValue> : IValueHttpResult<TValue>
{
    internal BadRequest(TValue? value) => Value = value;

    /// <inheritdoc />
    public int StatusCode => 400;

    /// <inheritdoc />
    public TValue? Value { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response, JsonTypeInfo<TValue> typeInfo)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        if (Value is not null)
        {
            response.Json(Value, typeInfo);
        }
    }
}

/// <summary>Answers <c>409 Conflict</c> with no body. Made by <see cref="HttpResults.Conflict()"/>.</summary>
public readonly struct Conflict : IHttpResult
{
    /// <summary>The status code the result answers with.</summary>
    public int StatusCode => 409;

    /// <inheritdoc />
    public void WriteTo(HttpResponse response)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
    }
}

/// <summary>Answers <c>409 Conflict</c> with <see cref="Value"/> as <c>application/json</c>. Made by <see cref="HttpResults.Conflict{TValue}(TValue)"/>.</summary>
/// <typeparam name="TValue">The type of the value; the router's JSON context must describe it.</typeparam>
public readonly struct Conflict<TValue> : IValueHttpResult<TValue>
{
    internal Conflict(TValue? value) => Value = value;

    /// <inheritdoc />
    public int StatusCode => 409;

    /// <inheritdoc />
    public TValue? Value { get; }

    /// <inheritdoc />
    public void WriteTo(HttpResponse response, JsonTypeInfo<TValue> typeInfo)
    {
        System.ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        if (Value is not null)
        {
            response.Json(Value, typeInfo);
        }
    }
}
