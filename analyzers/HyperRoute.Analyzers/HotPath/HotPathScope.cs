using HyperRoute.Generators;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// Decides which member bodies are hot: members marked <c>[HotPath]</c> (a property's mark covers its accessors),
/// route handlers (<c>[Route]</c> methods declared in a <c>[Router]</c> type), and, widened by
/// <c>hyperroute_hot_path_scope</c> in <c>.editorconfig</c>: with <c>type</c>, every member of a type that holds a
/// hot member (a <c>[Router]</c>, or a type with a <c>[HotPath]</c> member), so its helpers are held to the
/// same rule; with <c>project</c>, every member of the files the setting applies to.
/// </summary>
internal sealed class HotPathScope
{
    /// <summary>The <c>.editorconfig</c> key that widens the scope: <c>type</c> or <c>project</c>.</summary>
    public const string ScopeOption = "hyperroute_hot_path_scope";

    private readonly INamedTypeSymbol? _hotPath;
    private readonly INamedTypeSymbol? _route;
    private readonly INamedTypeSymbol? _router;

    private HotPathScope(INamedTypeSymbol? hotPath, INamedTypeSymbol? route, INamedTypeSymbol? router)
    {
        _hotPath = hotPath;
        _route = route;
        _router = router;
    }

    public static HotPathScope From(Compilation compilation)
        => new(
            compilation.GetTypeByMetadataName(KnownNames.HotPathAttribute),
            compilation.GetTypeByMetadataName(KnownNames.RouteAttribute),
            compilation.GetTypeByMetadataName(KnownNames.RouterAttribute));

    public bool IsHot(ISymbol owner, AnalyzerOptions options, SyntaxTree tree)
    {
        if (owner is not IMethodSymbol method)
        {
            return false;
        }

        if (HasAttribute(method, _hotPath)
            || (method.AssociatedSymbol is IPropertySymbol property && HasAttribute(property, _hotPath))
            || (HasAttribute(method, _route) && method.ContainingType is { } type && HasAttribute(type, _router)))
        {
            return true;
        }

        if (!options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(ScopeOption, out var scope))
        {
            return false;
        }

        scope = scope.Trim();
        if (string.Equals(scope, "project", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(scope, "type", System.StringComparison.OrdinalIgnoreCase)
            && method.ContainingType is { } containing
            && HoldsHotMember(containing);
    }

    // A type is hot as a whole when it is a router or declares a [HotPath] member (property accessors included).
    private bool HoldsHotMember(INamedTypeSymbol type)
        => HasAttribute(type, _router) || type.GetMembers().Any(member => HasAttribute(member, _hotPath));

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        => attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
