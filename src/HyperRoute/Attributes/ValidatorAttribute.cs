using System;

namespace HyperRoute;

/// <summary>
/// Marks a <c>partial</c> type as a validator: it implements <see cref="IValidator{T}"/> (checks one bound
/// argument before the handler runs) or <see cref="IRequestValidator"/> (checks the raw request before
/// routing or binding). The generator calls its static <c>Validate</c> directly, inlined into the dispatcher.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class ValidatorAttribute : Attribute
{
}
