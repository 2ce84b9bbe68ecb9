namespace HyperRoute;

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
