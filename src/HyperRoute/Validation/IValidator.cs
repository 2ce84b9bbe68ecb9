using HyperRoute.Http;

namespace HyperRoute;

/// <summary>
/// Checks a bound argument of type <typeparamref name="T"/> before the handler runs (destination side).
/// Implemented by a <see cref="ValidatorAttribute"/> type and applied with <see cref="ValidateAttribute{TValidator}"/>
/// on the parameter. Static abstract: the generated dispatcher calls it directly, no instance, no virtual call.
/// </summary>
/// <typeparam name="T">The parameter type (may be a span, such as <c>ReadOnlySpan&lt;byte&gt;</c>).</typeparam>
public interface IValidator<T>
    where T : allows ref struct
{
    /// <summary>Checks <paramref name="value"/>; return <see cref="ValidationResult.Ok"/> or a failure with its reason.</summary>
    static abstract ValidationResult Validate(in T value);
}

/// <summary>
/// Checks the request itself (source side): size caps, API keys, tenant headers. Applied with
/// <see cref="ValidateAttribute{TValidator}"/> on a router (runs before routing, for every request) or on a
/// route method (runs once the route is chosen, before its arguments are bound).
/// </summary>
public interface IRequestValidator
{
    /// <summary>Checks <paramref name="request"/>; return <see cref="ValidationResult.Ok"/> or a failure naming the field.</summary>
    static abstract ValidationResult Validate(HttpRequest request);
}

/// <summary>
/// Rewrites or enriches a bound argument of type <typeparamref name="T"/> before the handler sees it
/// (destination side): normalise a value, fill a default, stamp a time. Applied with
/// <see cref="TransformAttribute{TTransform}"/> on the parameter.
/// </summary>
/// <typeparam name="T">The parameter type.</typeparam>
public interface ITransform<T>
    where T : allows ref struct
{
    /// <summary>Changes <paramref name="value"/> in place.</summary>
    static abstract void Transform(ref T value);
}

/// <summary>
/// Changes the response on its way out, after the handler wrote it and before it is sent: add or change
/// headers, change the status. Applied with <see cref="TransformAttribute{TTransform}"/> on a router (every
/// handled response) or a route method.
/// </summary>
public interface IResponseTransform
{
    /// <summary>Changes <paramref name="response"/>; <paramref name="request"/> is the request it answers.</summary>
    static abstract void Transform(HttpRequest request, HttpResponse response);
}
