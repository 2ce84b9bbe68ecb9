using System;

namespace HyperRoute;

/// <summary>
/// Applies the transform <typeparamref name="TTransform"/>: on a handler parameter, an
/// <see cref="ITransform{T}"/> of the parameter's type; on a route method or a router, an
/// <see cref="IResponseTransform"/> that runs on the response before it is written. Steps run in declaration
/// order, router-level before route-level. On a <see cref="MessageRouterAttribute"/> class or one of its handlers, an
/// <see cref="ITransform{T}"/> of the routed message, applied to a copy (the caller's message is left as it was).
/// </summary>
/// <typeparam name="TTransform">A <see cref="TransformAttribute"/> type.</typeparam>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class TransformAttribute<TTransform> : Attribute
{
}
