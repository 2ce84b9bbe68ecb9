using HyperRoute.Generators.Routing;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Messages;

/// <summary>Stage 1 for messages: reads a <c>[Message]</c> struct's symbols into a <see cref="MessageSpec"/>. Pure; never throws on user code.</summary>
internal static class MessageParser
{
    /// <summary>
    /// Returns <see langword="null"/> when the message cannot be generated (any HR3xxx problem, or one in a message it
    /// nests): the analyzer reports why.
    /// </summary>
    public static MessageSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Struct } type || string.IsNullOrEmpty(type.Name))
        {
            return null;
        }

        var (layout, _) = MessageReader.Read(type, cancellationToken);
        if (layout is null)
        {
            return null;
        }

        return new MessageSpec
        {
            Namespace = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            TypeName = type.Name,
            FullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            TypeKeyword = type.IsRecord ? "record struct" : "struct",
            ContainingTypes = ContainingTypeHeaders(type).ToEquatableArray(),
            Layout = layout,
        };
    }

    /// <summary>The partial types <paramref name="type"/> is nested in, outermost first, as declaration headers (<c>partial class Outer</c>).</summary>
    internal static IEnumerable<string> ContainingTypeHeaders(INamedTypeSymbol type)
    {
        var headers = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var keyword = outer.IsRecord ? (outer.IsValueType ? "record struct" : "record") : outer.IsValueType ? "struct" : outer.IsStatic ? "static class" : "class";
            var header = keyword.StartsWith("static ", System.StringComparison.Ordinal) ? "static partial class" : "partial " + keyword;
            headers.Insert(0, header + " " + outer.Name);
        }

        return headers;
    }
}
