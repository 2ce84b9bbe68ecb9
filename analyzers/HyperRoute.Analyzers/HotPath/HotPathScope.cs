using System.Linq;
using HyperRoute.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// Decides which member bodies are hot: members marked <c>[HotPath]</c> (a property's mark covers its accessors),
/// route handlers (<c>[Route]</c> methods declared in a <c>[Router]</c> type), and every member of a file whose
/// <c>.editorconfig</c> sets <c>hyperroute_hot_path_scope = project</c>.
/// </summary>
internal sealed class HotPathScope
{
    /// <summary>The <c>.editorconfig</c> key that widens the scope; <c>project</c> makes every member hot.</summary>
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

        return options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(ScopeOption, out var scope)
            && string.Equals(scope.Trim(), "project", System.StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        => attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
