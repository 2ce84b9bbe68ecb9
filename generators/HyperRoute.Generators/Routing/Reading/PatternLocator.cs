using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Maps offsets in a route pattern (as the shared parser reports them) to source locations inside the string
/// literal that spelled the pattern, so a squiggle lands on exactly the offending characters.
/// </summary>
internal static class PatternLocator
{
    /// <summary>
    /// The pattern a <c>[Route]</c> declares. Returns <see langword="false"/> when the attribute itself does not bind
    /// (no constructor, a non-constant argument): the compiler reports those.
    /// </summary>
    public static bool TryGetPattern(AttributeData attribute, out string? pattern)
    {
        pattern = null;
        if (attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            return false;
        }

        pattern = attribute.ConstructorArguments[0].Value as string;
        return true;
    }

    /// <summary>
    /// The expression that spelled a <c>[Route]</c>'s pattern (the attribute when it has no argument). Read only where
    /// a diagnostic needs a location, so a route without problems costs no syntax walk.
    /// </summary>
    public static SyntaxNode? PatternSyntax(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax
            ? syntax.ArgumentList is { Arguments.Count: > 0 } arguments ? arguments.Arguments[0].Expression : syntax
            : null;

    /// <summary>
    /// The location of <paramref name="length"/> characters at <paramref name="start"/> in the pattern, when
    /// <paramref name="syntax"/> is a literal whose source characters are exactly the pattern's (a plain
    /// <c>"..."</c> without escapes, a verbatim string without <c>""</c>, a single-line raw string); otherwise, and
    /// for an empty range, the whole expression.
    /// </summary>
    public static Location? Locate(SyntaxNode? syntax, int start, int length)
    {
        if (syntax is null)
        {
            return null;
        }

        if (length > 0
            && start >= 0
            && syntax is LiteralExpressionSyntax literal
            && (literal.Token.IsKind(SyntaxKind.StringLiteralToken) || literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            && TryGetContentStart(literal.Token, out var contentStart)
            && start + length <= literal.Token.ValueText.Length)
        {
            return Location.Create(literal.SyntaxTree, new TextSpan(literal.Token.SpanStart + contentStart + start, length));
        }

        return syntax.GetLocation();
    }

    // The offset of the value's first character in the token's text, when every character of the value is
    // spelled by exactly one source character (no escape sequences, no doubled quotes, one line).
    private static bool TryGetContentStart(SyntaxToken token, out int contentStart)
    {
        var text = token.Text;
        var value = token.ValueText;
        contentStart = text.Length > 0 && text[0] == '@' ? 1 : 0;
        var quotes = 0;
        while (contentStart + quotes < text.Length && text[contentStart + quotes] == '"')
        {
            quotes++;
        }

        if (quotes == 0 || (quotes == 2 && value.Length == 0))
        {
            // "" (an empty literal) counts two quotes; there is nothing inside to point at anyway.
            return false;
        }

        contentStart += quotes;
        return text.Length == contentStart + value.Length + quotes
            && string.CompareOrdinal(text, contentStart, value, 0, value.Length) == 0;
    }
}
