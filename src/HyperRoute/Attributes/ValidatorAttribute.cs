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

/// <summary>
/// Applies the validator <typeparamref name="TValidator"/>. On a handler parameter, an
/// <see cref="IValidator{T}"/> of the parameter's type checks the bound value before the handler runs; on a
/// route method or a router, an <see cref="IRequestValidator"/> checks the request (router-level validators
/// before routing, route-level ones after routing and before binding). Steps run in declaration order,
/// router-level before route-level; the first failure answers 400 with an <c>application/problem+json</c> body.
/// On a <see cref="MessageRouterAttribute"/> class (every message, before routing) or on one of its <c>[On]</c>/<c>[Otherwise]</c>
/// handlers (after routing, before that handler), an <see cref="IValidator{T}"/> of the routed message: the first
/// failure makes the router return <see cref="Messaging.MessageOutcome.Rejected"/>.
/// </summary>
/// <typeparam name="TValidator">A <see cref="ValidatorAttribute"/> type.</typeparam>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class ValidateAttribute<TValidator> : Attribute
{
}
