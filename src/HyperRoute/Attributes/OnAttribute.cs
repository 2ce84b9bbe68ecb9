using System;

namespace HyperRoute;

/// <summary>
/// Marks a method of a <see cref="MessageRouterAttribute"/> class as the handler of the messages whose key is
/// <c>value</c> (and, with <see cref="When"/>, that its predicate accepts); repeat the attribute for more values. The
/// handler is <c>void Handler(in TMessage message)</c> or <c>void Handler(TMessage message)</c>, static or instance.
/// </summary>
/// <remarks>
/// <para>Order of the tests, compiled into the router with no delegates: the key-less <c>[On(When = …)]</c> predicates
/// first, in declaration order; then the <c>switch</c> on the key, where a value's predicated handlers are tested in
/// declaration order before its plain <c>[On(value)]</c> (at most one per value); then <see cref="OtherwiseAttribute"/>.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class OnAttribute : Attribute
{
    /// <summary>Handles the messages that <see cref="When"/> accepts, whatever their key (<see cref="When"/> is required).</summary>
    public OnAttribute()
    {
    }

    /// <summary>Handles the messages whose key is <paramref name="value"/>.</summary>
    /// <param name="value">A key value, in the range of the key field's type (for an enum key, <c>(long)Kind.Member</c>).</param>
    public OnAttribute(long value) => Value = value;

    /// <summary>The key value this handler takes; <see langword="null"/> for a key-less <c>[On(When = …)]</c>.</summary>
    public long? Value { get; }

    /// <summary>
    /// The name of a method of the router, <c>bool Predicate(in TMessage message)</c> or <c>bool Predicate(TMessage message)</c>
    /// (static, or instance on a router whose handlers are instance methods): the handler takes only the messages it
    /// returns <see langword="true"/> for. Use <c>nameof</c>: <c>[On(3, When = nameof(IsAlarm))]</c>.
    /// </summary>
    public string? When { get; init; }
}
