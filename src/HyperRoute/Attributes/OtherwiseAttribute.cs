using System;

namespace HyperRoute;

/// <summary>
/// Marks the method of a <see cref="MessageRouterAttribute"/> class that handles the messages no
/// <see cref="OnAttribute"/> value or predicate matches (one per router). Without it, such a message is not routed:
/// <c>Route</c> returns <see cref="Messaging.MessageOutcome.Unrouted"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OtherwiseAttribute : Attribute
{
}
