
namespace HyperRoute.Generators.Routing;

/// <summary>The handler parameter types a route or query value can bind to (each also as <c>Nullable&lt;T&gt;</c> for value types).</summary>
internal enum RouteValueType
{
    Int32,
    Int64,
    Int16,
    Byte,
    SByte,
    UInt16,
    UInt32,
    UInt64,
    Boolean,
    Guid,
    Double,
    Single,
    Decimal,
    /// <summary><c>ReadOnlySpan&lt;byte&gt;</c>: the decoded UTF-8 value, no copy.</summary>
    Utf8,
    /// <summary><c>string</c>: allocates; offered for convenience off the hot path.</summary>
    String,
}

internal static class RouteValueTypeFacts
{
    /// <summary>The C# spelling of the type, as generated code declares locals of it.</summary>
    public static string CSharpName(this RouteValueType type) => type switch
    {
        RouteValueType.Int32 => "int",
        RouteValueType.Int64 => "long",
        RouteValueType.Int16 => "short",
        RouteValueType.Byte => "byte",
        RouteValueType.SByte => "sbyte",
        RouteValueType.UInt16 => "ushort",
        RouteValueType.UInt32 => "uint",
        RouteValueType.UInt64 => "ulong",
        RouteValueType.Boolean => "bool",
        RouteValueType.Guid => "global::System.Guid",
        RouteValueType.Double => "double",
        RouteValueType.Single => "float",
        RouteValueType.Decimal => "decimal",
        RouteValueType.Utf8 => "global::System.ReadOnlySpan<byte>",
        RouteValueType.String => "string",
        _ => "object",
    };

    /// <summary><see langword="true"/> for types that can be wrapped in <c>Nullable&lt;T&gt;</c>.</summary>
    public static bool IsValueType(this RouteValueType type) => type is not (RouteValueType.Utf8 or RouteValueType.String);
}
