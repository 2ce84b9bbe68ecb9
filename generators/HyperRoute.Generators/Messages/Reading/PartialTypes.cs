using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Messages;

/// <summary>The rule both message readers apply to the type they extend (HR3004, HR3012).</summary>
internal static class PartialTypes
{
    /// <summary>
    /// Why code cannot be added to <paramref name="type"/>: it, or a type it is nested in, is generic or not
    /// <c>partial</c>; <see langword="null"/> when it can be.
    /// </summary>
    public static string? WhyNot(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return current.Equals(type, SymbolEqualityComparer.Default) ? "it is generic" : $"it is nested in the generic type '{current.Name}'";
            }

            var partial = current.DeclaringSyntaxReferences.Length > 0
                && current.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial)
            {
                return current.Equals(type, SymbolEqualityComparer.Default) ? "it is not partial" : $"it is nested in '{current.Name}', which is not partial";
            }
        }

        return null;
    }
}
