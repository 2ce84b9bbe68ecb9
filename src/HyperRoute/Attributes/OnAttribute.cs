using System;

namespace HyperRoute;

/// <summary>
/// Marks a method of a <see cref="MessageRouterAttribute"/> class as the handler of the messages whose key is
/// <c>value</c>; repeat the attribute for more values. The handler is <c>void Handler(in TMessage message)</c> or
/// <c>void Handler(TMessage message)</c>, static or instance.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class OnAttribute : Attribute
{
    /// <summary>Handles the messages whose key is <paramref name="value"/>.</summary>
    /// <param name="value">A key value, in the range of the key field's type (for an enum key, <c>(long)Kind.Member</c>).</param>
    public OnAttribute(long value) => Value = value;

    /// <summary>The key value this handler takes.</summary>
    public long Value { get; }
}
