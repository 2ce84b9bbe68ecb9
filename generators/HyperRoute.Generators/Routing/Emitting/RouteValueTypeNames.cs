namespace HyperRoute.Generators.Routing;

/// <summary>The route value types as generated code spells them, runtime types with their <c>System::</c> alias.</summary>
internal static class RouteValueTypeNames
{
    /// <summary><c>int</c>, <c>System::Guid</c>, <c>System::ReadOnlySpan&lt;byte&gt;</c>.</summary>
    public static string Generated(this RouteValueType type)
    {
        var name = type.CSharpName();
        return name.StartsWith("global::System.", System.StringComparison.Ordinal) ? "System::" + name.Substring("global::System.".Length) : name;
    }
}
