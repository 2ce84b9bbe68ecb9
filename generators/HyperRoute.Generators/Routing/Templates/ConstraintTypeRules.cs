using System.Collections.Generic;
using System.Globalization;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// When a template parameter's constraints accept only values its handler parameter's type can never hold (HR0007).
/// Constraints decide matching and types decide binding (docs/routing.md), so such a route answers 400 to every
/// request it matches. Only real contradictions count: widening (<c>{id:int}</c> to <c>long</c> or <c>double</c>),
/// nullable forms and the textual types (<c>string</c>, <c>ReadOnlySpan&lt;byte&gt;</c>) always fit, and a
/// narrowing that still leaves some values (<c>{id:long}</c> to <c>int</c>) is the parameter type's decision.
/// </summary>
internal static class ConstraintTypeRules
{
    /// <summary>A contradiction: the constraint text to name and why it cannot work.</summary>
    public sealed record Contradiction(string Constraint, string Reason);

    /// <summary>The first contradiction between <paramref name="constraints"/> and <paramref name="type"/>, or <see langword="null"/>.</summary>
    public static Contradiction? Find(IReadOnlyList<RouteConstraint> constraints, RouteValueType type)
    {
        if (type is RouteValueType.String or RouteValueType.Utf8)
        {
            return null;
        }

        foreach (var constraint in constraints)
        {
            if (WhyNot(constraint, type) is { } reason)
            {
                return new Contradiction(constraint.Text, reason);
            }
        }

        return OutOfRange(constraints, type);
    }

    private static string? WhyNot(RouteConstraint constraint, RouteValueType type)
    {
        var name = type.CSharpName().Replace("global::System.", string.Empty);
        switch (constraint.Kind)
        {
            case ConstraintKind.Int or ConstraintKind.Long or ConstraintKind.Double or ConstraintKind.Decimal:
                return type is RouteValueType.Guid or RouteValueType.Boolean
                    ? $"a number never converts to {name}; make the parameter {Suggested(constraint)} (or string), or change the constraint"
                    : null;
            case ConstraintKind.Guid:
                return type == RouteValueType.Guid
                    ? null
                    : $"a GUID never converts to {name}; make the parameter Guid (or string), or change the constraint";
            case ConstraintKind.Bool:
                return type == RouteValueType.Boolean
                    ? null
                    : $"'true' or 'false' never converts to {name}; make the parameter bool (or string), or change the constraint";
            case ConstraintKind.Alpha:
                return type == RouteValueType.Boolean
                    ? null
                    : $"letters never convert to {name}; make the parameter string or ReadOnlySpan<byte>, or remove 'alpha'";
            case ConstraintKind.Min or ConstraintKind.Max or ConstraintKind.Range:
                return type is RouteValueType.Guid or RouteValueType.Boolean
                    ? $"'{constraint.Text}' accepts only integers, which never convert to {name}; make the parameter an integer type, or remove the bound"
                    : null;
            default:
                return null;
        }
    }

    // The integer interval the int/long/min/max/range constraints leave, when it lies wholly outside the range of
    // an integral parameter type: {x:min(300)} bound to byte.
    private static Contradiction? OutOfRange(IReadOnlyList<RouteConstraint> constraints, RouteValueType type)
    {
        if (!TryGetRange(type, out var typeMin, out var typeMax))
        {
            return null;
        }

        var low = long.MinValue;
        var high = long.MaxValue;
        var bounded = false;
        var spelled = new List<string>();
        foreach (var constraint in constraints)
        {
            switch (constraint.Kind)
            {
                case ConstraintKind.Int:
                    (low, high) = (System.Math.Max(low, int.MinValue), System.Math.Min(high, int.MaxValue));
                    break;
                case ConstraintKind.Min:
                    low = System.Math.Max(low, constraint.First);
                    break;
                case ConstraintKind.Max:
                    high = System.Math.Min(high, constraint.First);
                    break;
                case ConstraintKind.Range:
                    (low, high) = (System.Math.Max(low, constraint.First), System.Math.Min(high, constraint.Second));
                    break;
                case ConstraintKind.Long:
                    break;
                default:
                    continue;
            }

            bounded = true;
            spelled.Add(constraint.Text);
        }

        // An empty interval never matches at all: not a question of the parameter's type.
        if (!bounded || low > high || (high >= typeMin && low <= typeMax))
        {
            return null;
        }

        return new Contradiction(
            string.Join(":", spelled),
            $"it accepts only {Interval(low, high)}, and none of those fits in {type.CSharpName()} ({Interval(typeMin, typeMax)}); use a wider type or change the bounds");
    }

    private static bool TryGetRange(RouteValueType type, out long min, out long max)
    {
        (min, max) = type switch
        {
            RouteValueType.Int32 => (int.MinValue, int.MaxValue),
            RouteValueType.Int16 => (short.MinValue, short.MaxValue),
            RouteValueType.SByte => (sbyte.MinValue, sbyte.MaxValue),
            RouteValueType.Byte => (byte.MinValue, byte.MaxValue),
            RouteValueType.UInt16 => (ushort.MinValue, ushort.MaxValue),
            RouteValueType.UInt32 => (uint.MinValue, uint.MaxValue),
            RouteValueType.UInt64 => (0L, long.MaxValue), // constraint bounds are longs: nothing above can be asked for
            RouteValueType.Int64 => (long.MinValue, long.MaxValue),
            _ => (1L, 0L),
        };
        return min <= max;
    }

    private static string Suggested(RouteConstraint constraint) => constraint.ParsedType is { } parsed ? parsed.CSharpName() : "a number";

    private static string Interval(long low, long high)
        => low == high
            ? Format(low)
            : low == long.MinValue ? $"values up to {Format(high)}"
            : high == long.MaxValue ? $"values from {Format(low)}"
            : $"values from {Format(low)} to {Format(high)}";

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
