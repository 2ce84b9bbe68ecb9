using System;
using HyperRoute.Http;

namespace HyperRoute.Telemetry.Tests;

/// <summary>
/// User code that throws synchronously wherever it runs around a route: the handler, the route's request validator, a
/// parameter's transform, and the router's request validator, which runs before any route matched (<c>?explode</c>).
/// The steps make its dispatcher take the exchange, so each route notes itself on <c>exchange.Route</c>.
/// </summary>
[Router]
[Validate<ExplodingGate>]
public static partial class FaultingApi
{
    [Route("GET /ok")]
    public static void Ok()
    {
    }

    [Route("GET /orders/{id:int}")]
    public static void Order(int id) => throw new InvalidOperationException("the order handler failed");

    [Route("GET /guarded/{id:int}")]
    [Validate<ExplodingCheck>]
    public static void Guarded(int id)
    {
    }

    [Route("GET /shaped/{id:int}")]
    public static void Shaped([Transform<ExplodingShape>] int id)
    {
    }
}

/// <summary>
/// A router that needs no exchange (void handlers binding route values only): its dispatcher is shared with the in-process
/// <c>Dispatch</c>, and its routes note themselves in the slot <c>Serve</c> passes, <c>ref exchange.Route</c>.
/// </summary>
[Router]
public static partial class PlainFaultApi
{
    [Route("GET /plain/{id:int}")]
    public static void Plain(int id) => throw new InvalidOperationException("the plain handler failed");
}

/// <summary>Router level, before any route matched: throws for the query <c>explode</c>.</summary>
[Validator]
public partial struct ExplodingGate : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
        => request.Query.SequenceEqual("explode"u8) ? throw new InvalidOperationException("the router's gate failed") : ValidationResult.Ok;
}

/// <summary>Route level: always throws.</summary>
[Validator]
public partial struct ExplodingCheck : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request) => throw new ArgumentException("the route's check failed");
}

/// <summary>Parameter level: always throws.</summary>
[Transform]
public partial struct ExplodingShape : ITransform<int>
{
    public static void Transform(ref int value) => throw new FormatException("the parameter's transform failed");
}
