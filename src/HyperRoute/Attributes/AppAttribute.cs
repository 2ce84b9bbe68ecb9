using System;

namespace HyperRoute;

/// <summary>
/// Composes several <see cref="RouterAttribute"/> routers into one server: marks a <c>static partial class</c> whose
/// generated <c>HttpEndpoint</c> routes every route of every router it lists through one planned decision tree, as if
/// they were one router (each route keeps its router's prefix, validators, transforms, JSON context, result and time
/// limit). Serve it with <c>HttpServer.Start(new ShopApp.HttpEndpoint(), options)</c>.
/// </summary>
/// <example>
/// <code>
/// [App(typeof(TodoApi), typeof(HealthApi))]
/// public static partial class ShopApp;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AppAttribute : Attribute
{
    /// <summary>Composes <paramref name="routers"/>, in this order (the first listed wins a conflict, which HR0024 reports).</summary>
    /// <param name="routers">
    /// The routers served: <c>[Router]</c> types whose handlers are static and callable from the app (not <c>private</c>
    /// or <c>protected</c>); anything else is reported as HR0025.
    /// </param>
    public AppAttribute(params Type[] routers) => Routers = routers;

    /// <summary>The routers the app serves, in the order listed.</summary>
    public Type[] Routers { get; }
}
