using System.Globalization;

namespace HyperRoute.Generators.Routing;

/// <summary>The constraints a template parameter can carry.</summary>
internal enum ConstraintKind
{
    Int,
    Long,
    Guid,
    Bool,
    Double,
    Decimal,
    Alpha,
    Min,
    Max,
    Range,
    Length,
    LengthRange,
    MinLength,
    MaxLength,
}

/// <summary>One constraint, with its integer arguments (unused ones are 0).</summary>
internal sealed record RouteConstraint(ConstraintKind Kind, long First, long Second)
{
    /// <summary>The canonical spelling: <c>int</c>, <c>min(1)</c>, <c>range(1,9)</c>.</summary>
    public string Text => Kind switch
    {
        ConstraintKind.Int => "int",
        ConstraintKind.Long => "long",
        ConstraintKind.Guid => "guid",
        ConstraintKind.Bool => "bool",
        ConstraintKind.Double => "double",
        ConstraintKind.Decimal => "decimal",
        ConstraintKind.Alpha => "alpha",
        ConstraintKind.Min => $"min({Format(First)})",
        ConstraintKind.Max => $"max({Format(First)})",
        ConstraintKind.Range => $"range({Format(First)},{Format(Second)})",
        ConstraintKind.Length => $"length({Format(First)})",
        ConstraintKind.LengthRange => $"length({Format(First)},{Format(Second)})",
        ConstraintKind.MinLength => $"minlength({Format(First)})",
        ConstraintKind.MaxLength => $"maxlength({Format(First)})",
        _ => Kind.ToString(),
    };

    /// <summary>The type this constraint parses the value as, when it is a type constraint.</summary>
    public RouteValueType? ParsedType => Kind switch
    {
        ConstraintKind.Int => RouteValueType.Int32,
        ConstraintKind.Long => RouteValueType.Int64,
        ConstraintKind.Guid => RouteValueType.Guid,
        ConstraintKind.Bool => RouteValueType.Boolean,
        ConstraintKind.Double => RouteValueType.Double,
        ConstraintKind.Decimal => RouteValueType.Decimal,
        _ => null,
    };

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
