using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using HyperRoute.Http;

namespace HyperRoute.Tests;

/// <summary>A typed JSON body.</summary>
public sealed record PipelineOrder(string Sku, int Quantity);

/// <summary>The System.Text.Json source-generated metadata the pipeline routers read bodies with.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PipelineOrder))]
public partial class PipelineJson : JsonSerializerContext
{
}

/// <summary>
/// Validators and transforms at every position, and a typed body. Every step records itself in
/// <see cref="Calls"/>, so tests can read the order they ran in.
/// </summary>
[Router(Json = typeof(PipelineJson))]
[Validate<RouterGate>]
[Transform<ServerHeader>]
public static partial class PipelineApi
{
    [ThreadStatic]
    private static List<string>? s_calls;

    /// <summary>The steps and handlers that ran on this thread, in order.</summary>
    public static List<string> Calls => s_calls ??= new List<string>();

    [Route("POST /orders/{id:int}")]
    [Validate<RouteGate>]
    [Transform<NoStore>]
    public static void PutOrder([Validate<PositiveId>, Transform<DoubleIt>] int id, [Body(MaxLength = 64), Validate<QuantityInRange>] PipelineOrder order, HttpResponse response)
    {
        Calls.Add($"handler id={id} sku={order.Sku} quantity={order.Quantity}");
        response.StatusCode = 201;
        response.SetHeader("Cache-Control"u8, "public"u8);
    }

    [Route("GET /ping")]
    public static void Ping() => Calls.Add("handler ping");
}

/// <summary>Router level: refuses <c>?gate=router</c> with 401.</summary>
[Validator]
public partial struct RouterGate : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
    {
        PipelineApi.Calls.Add("router");
        return request.Query.SequenceEqual("gate=router"u8) ? ValidationResult.Fail("X-Api-Key"u8, "An API key is required."u8, 401) : ValidationResult.Ok;
    }
}

/// <summary>Route level: refuses <c>?gate=route</c> with 403.</summary>
[Validator]
public partial struct RouteGate : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
    {
        PipelineApi.Calls.Add("route");
        return request.Query.SequenceEqual("gate=route"u8) ? ValidationResult.Fail("gate"u8, "This route is closed."u8, 403) : ValidationResult.Ok;
    }
}

/// <summary>Parameter level: the id is positive (the field is left to the route: the parameter's name).</summary>
[Validator]
public partial struct PositiveId : IValidator<int>
{
    public static ValidationResult Validate(in int value)
    {
        PipelineApi.Calls.Add("positive " + value);
        return value > 0 ? ValidationResult.Ok : ValidationResult.Fail("must be positive"u8);
    }
}

/// <summary>Parameter level: doubles the id.</summary>
[Transform]
public partial struct DoubleIt : ITransform<int>
{
    public static void Transform(ref int value)
    {
        PipelineApi.Calls.Add("double");
        value *= 2;
    }
}

/// <summary>Parameter level, on the body: the quantity is 1 to 100 (names its own field).</summary>
[Validator]
public partial struct QuantityInRange : IValidator<PipelineOrder>
{
    public static ValidationResult Validate(in PipelineOrder value)
    {
        PipelineApi.Calls.Add("quantity");
        return value.Quantity is >= 1 and <= 100 ? ValidationResult.Ok : ValidationResult.Fail("quantity"u8, "must be 1 to 100"u8);
    }
}

/// <summary>On the way out, router level: <c>X-Served-By: pipeline</c>.</summary>
[Transform]
public partial struct ServerHeader : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response)
    {
        PipelineApi.Calls.Add("out router");
        response.SetHeader("X-Served-By"u8, "pipeline"u8);
    }
}

/// <summary>On the way out, route level: <c>Cache-Control: no-store</c>, replacing the handler's.</summary>
[Transform]
public partial struct NoStore : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response)
    {
        PipelineApi.Calls.Add("out route");
        response.SetHeader("Cache-Control"u8, "no-store"u8);
    }
}

/// <summary>On the way out: records how much body the response already holds.</summary>
[Transform]
public partial struct BodyLengthProbe : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response)
        => PipelineApi.Calls.Add("out body=" + response.BodyLength);
}

/// <summary>A handler result that writes a text body.</summary>
public readonly struct PipelineText(string value) : IHttpResult
{
    public void WriteTo(HttpResponse response) => response.Text(System.Text.Encoding.UTF8.GetBytes(value));
}

/// <summary>An <see cref="IHttpResult"/> router whose response transform must see the written result.</summary>
[Router]
public static partial class PipelineResultApi
{
    [Route("GET /hello")]
    [Transform<BodyLengthProbe>]
    public static PipelineText Hello() => new("hello");
}
