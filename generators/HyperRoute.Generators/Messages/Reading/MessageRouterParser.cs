using System.Threading;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Messages;

/// <summary>Stage 1 for message routers: reads a <c>[MessageRouter]</c> class's symbols into a <see cref="MessageRouterSpec"/>. Pure; never throws on user code.</summary>
internal static class MessageRouterParser
{
    /// <summary>
    /// Returns <see langword="null"/> when the router cannot be generated (any HR3006–HR3025 or HR2001–HR2003 problem, or one in the
    /// message it routes): the analyzer reports why.
    /// </summary>
    public static MessageRouterSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || string.IsNullOrEmpty(type.Name))
        {
            return null;
        }

        var (layout, _) = MessageRouterReader.Read(type, cancellationToken);
        if (layout is null)
        {
            return null;
        }

        return new MessageRouterSpec
        {
            Declaration = TypeDeclarationReader.Read(type, "MessageRouter"),
            Layout = layout,
        };
    }
}
