using System.Collections.Generic;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// The namespace aliases generated code writes the runtime's names with: <c>HyperRoute::RouteMatch</c>,
/// <c>System::ReadOnlySpan&lt;byte&gt;</c>. A name qualified with an alias is looked up among aliases only, so no type
/// or member of the user's (a <c>RouteMatch</c> in the router's namespace, a nested <c>Span</c>) can shadow it, as it
/// can a name a plain <c>using</c> imports: the compiler looks in the type and its namespace first. Each alias is named
/// after the last part of its namespace. A generated file declares the ones its code uses inside its namespace
/// declaration, where a <c>global using</c> alias of the same name does not clash with them.
/// </summary>
internal static class Aliases
{
    /// <summary>Every alias and its namespace, in the order a file declares them.</summary>
    public static IReadOnlyList<(string Alias, string Namespace)> All { get; } = new[]
    {
        ("System", "global::System"),
        ("Binary", "global::System.Buffers.Binary"),
        ("Compiler", "global::System.CodeDom.Compiler"),
        ("CompilerServices", "global::System.Runtime.CompilerServices"),
        ("Metadata", "global::System.Text.Json.Serialization.Metadata"),
        ("HyperRoute", "global::HyperRoute"),
        ("Diagnostics", "global::HyperRoute.Diagnostics"),
        ("Http", "global::HyperRoute.Http"),
        ("Messaging", "global::HyperRoute.Messaging"),
        ("Routing", "global::HyperRoute.Routing"),
    };

    /// <summary>Whether <paramref name="code"/> qualifies a name with <paramref name="alias"/>.</summary>
    public static bool IsUsed(string code, string alias)
    {
        var qualifier = alias + "::";
        for (var at = code.IndexOf(qualifier, System.StringComparison.Ordinal); at >= 0; at = code.IndexOf(qualifier, at + 1, System.StringComparison.Ordinal))
        {
            if (at == 0 || !(char.IsLetterOrDigit(code[at - 1]) || code[at - 1] == '_'))
            {
                return true;
            }
        }

        return false;
    }
}
