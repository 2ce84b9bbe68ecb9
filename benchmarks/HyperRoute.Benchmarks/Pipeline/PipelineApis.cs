using System;
using HyperRoute.Http;

namespace HyperRoute.Benchmarks.Pipeline;

/// <summary>The route without steps: the baseline.</summary>
[Router]
public static partial class BareApi
{
    [Route("GET /users/{id:int}")]
    public static void GetUser(int id, HttpResponse response) => response.StatusCode = id > 0 ? 200 : 404;
}

/// <summary>The same route with two validators: one on the request (route level), one on the bound id.</summary>
[Router]
public static partial class ValidatedApi
{
    [Route("GET /users/{id:int}")]
    [Validate<HasHost>]
    public static void GetUser([Validate<PositiveId>] int id, HttpResponse response) => response.StatusCode = id > 0 ? 200 : 404;
}

/// <summary>The same route with the two validators and a transform of the bound id.</summary>
[Router]
public static partial class TransformedApi
{
    [Route("GET /users/{id:int}")]
    [Validate<HasHost>]
    public static void GetUser([Validate<PositiveId>, Transform<AtMostMillion>] int id, HttpResponse response) => response.StatusCode = id > 0 ? 200 : 404;
}

/// <summary>The same route with the two validators, a transform of the id and a response transform.</summary>
[Router]
public static partial class FullApi
{
    [Route("GET /users/{id:int}")]
    [Validate<HasHost>]
    [Transform<NoStore>]
    public static void GetUser([Validate<PositiveId>, Transform<AtMostMillion>] int id, HttpResponse response) => response.StatusCode = id > 0 ? 200 : 404;
}

[Validator]
public readonly partial struct HasHost : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
        => request.Host.IsEmpty ? ValidationResult.Fail("Host"u8, "a Host is required"u8) : ValidationResult.Ok;
}

[Validator]
public readonly partial struct PositiveId : IValidator<int>
{
    public static ValidationResult Validate(in int value) => value > 0 ? ValidationResult.Ok : ValidationResult.Fail("must be positive"u8);
}

[Transform]
public readonly partial struct AtMostMillion : ITransform<int>
{
    public static void Transform(ref int value) => value = Math.Min(value, 1_000_000);
}

[Transform]
public readonly partial struct NoStore : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
}
