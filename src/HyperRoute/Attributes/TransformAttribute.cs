using System;

namespace HyperRoute;

/// <summary>
/// Marks a <c>partial</c> type as a transform: it implements <see cref="ITransform{T}"/> (rewrites or enriches a
/// bound argument before the handler sees it) or <see cref="IResponseTransform"/> (changes the response —
/// status, headers, values — after the handler and before it is written). The generator calls its static
/// <c>Transform</c> directly, inlined into the dispatcher.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class TransformAttribute : Attribute
{
}
