using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>Small helpers the rules share: type names for messages and the operation under implicit conversions.</summary>
internal static class Describe
{
    public static string Type(ITypeSymbol? type)
        => type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";

    public static IOperation WithoutImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static bool IsSpan(ITypeSymbol? type)
        => type is INamedTypeSymbol { Arity: 1, Name: "Span" or "ReadOnlySpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    public static bool Is(ITypeSymbol? type, string metadataName)
        => type is not null && FullName(type.OriginalDefinition) == metadataName;

    public static string FullName(ITypeSymbol type)
    {
        var name = type.MetadataName;
        for (var ns = type.ContainingType is { } outer ? null : type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.Name + "." + name;
        }

        return type.ContainingType is { } containing ? FullName(containing) + "+" + name : name;
    }
}
