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
            Declaration = TypeDeclarationReader.Read(type, "Message"),
            Layout = layout,
        };
    }
}
