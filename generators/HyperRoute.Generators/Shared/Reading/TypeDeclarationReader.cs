using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators;

/// <summary>Reads the <see cref="TypeDeclaration"/> of a type the generator extends.</summary>
internal static class TypeDeclarationReader
{
    /// <param name="type">A partial, non-generic type, nested only in partial, non-generic types.</param>
    /// <param name="feature">What the generated file holds, in its hint name: <c>Dispatch</c>, <c>Message</c>.</param>
    public static TypeDeclaration Read(INamedTypeSymbol type, string feature)
    {
        var containing = new List<INamedTypeSymbol>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, outer);
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
        return new TypeDeclaration
        {
            Namespace = ns,
            Name = type.Name,
            FullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Keyword = Keyword(type),
            IsReadOnly = type.IsValueType && type.IsReadOnly,
            ContainingTypes = containing.Select(outer => TypeDeclaration.PartialHeader(Keyword(outer)) + " " + outer.Name).ToEquatableArray(),
            HintName = (ns.Length == 0 ? "" : ns + ".") + string.Concat(containing.Select(outer => outer.Name + ".")) + type.Name + "." + feature + ".g.cs",
        };
    }

    private static string Keyword(INamedTypeSymbol type)
    {
        if (type.IsRecord)
        {
            return type.IsValueType ? "record struct" : "record";
        }

        if (type.IsValueType)
        {
            return "struct";
        }

        return type.IsStatic ? "static class" : "class";
    }
}
