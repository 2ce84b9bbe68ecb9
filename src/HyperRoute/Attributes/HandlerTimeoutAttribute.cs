using System;

namespace HyperRoute;

/// <summary>
/// The time limit of an asynchronous handler's routes, in place of the server's
/// <c>HttpServerOptions.HandlerTimeout</c>. When it expires the handler's <see cref="System.Threading.CancellationToken"/>
/// is cancelled and the request is answered <c>504</c> (<c>application/problem+json</c>) at once; whatever the
/// handler writes afterwards is discarded. On a router, it applies to every handler without one of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class HandlerTimeoutAttribute : Attribute
{
    /// <summary>No time limit.</summary>
    public const int Infinite = -1;

    /// <summary>Limits the handler to <paramref name="milliseconds"/> (<see cref="Infinite"/>: no limit).</summary>
    public HandlerTimeoutAttribute(int milliseconds) => Milliseconds = milliseconds;

    /// <summary>The limit in milliseconds; <see cref="Infinite"/> for none.</summary>
    public int Milliseconds { get; }
}
