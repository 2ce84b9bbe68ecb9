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
