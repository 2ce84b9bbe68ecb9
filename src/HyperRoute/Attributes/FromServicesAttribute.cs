using System;

namespace HyperRoute;

/// <summary>
/// Binds a handler parameter to a service resolved from the request's services, for example
/// <c>[FromServices] IOrderStore store</c>: the generated code calls <c>GetRequiredService&lt;IOrderStore&gt;()</c> on
/// <see cref="Http.HttpExchange.RequestServices"/> (no reflection). A keyed service is bound with
/// <c>Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute</c> (<c>[FromKeyedServices("primary")]</c>);
/// ASP.NET Core's <c>Microsoft.AspNetCore.Mvc.FromServicesAttribute</c> is recognised too, so handlers shared with
/// minimal APIs need no change.
/// </summary>
/// <remarks>
/// Inside ASP.NET Core the services are the request's scope (<c>HttpContext.RequestServices</c>). On the built-in
/// server they come from <see cref="Http.HttpServerOptions.Services"/>: a scope is created for a request the first
/// time one of its arguments is resolved (only routes with service parameters pay for one) and disposed when the
/// request is answered. A service that is not registered, or a server without services, fails the request with a 500
/// <c>application/problem+json</c>, reported as a handler error.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class FromServicesAttribute : Attribute
{
}
