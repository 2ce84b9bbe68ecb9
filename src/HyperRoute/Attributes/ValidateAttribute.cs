using System;

namespace HyperRoute;

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
