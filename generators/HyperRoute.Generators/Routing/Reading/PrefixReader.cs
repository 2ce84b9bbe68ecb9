using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Reads <c>[Router(Prefix = "/api/v1")]</c>: the path every route of the router is served under. The grammar is the
/// shared template parser's (<see cref="RouteTemplateParser.TryParsePrefix"/>), so the analyzer that reports a bad prefix
/// (HR0023) and the generator that applies a good one agree.
/// </summary>
internal static class PrefixReader
{
    private const string PrefixArgument = "Prefix";

    /// <summary>
    /// The router's prefix; <see langword="null"/> for none (no <c>Prefix</c>, <see langword="null"/> or empty) and for one
    /// that is not valid, which sets <paramref name="error"/> (what is wrong and what to write) and <paramref name="location"/>
    /// (the offending characters of the argument).
    /// </summary>
    public static string? Read(INamedTypeSymbol router, CancellationToken cancellationToken, out string? invalid, out string? error, out Location? location)
    {
        invalid = null;
        error = null;
        location = null;
        var attribute = router.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute));
        if (attribute is null)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key != PrefixArgument || argument.Value.Kind == TypedConstantKind.Error || argument.Value.Value is not string { Length: > 0 } prefix)
            {
                continue;
            }

            if (RouteTemplateParser.TryParsePrefix(prefix, out var templateError))
            {
                return prefix;
            }

            invalid = prefix;
            error = templateError!.Message;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var expression = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == PrefixArgument)?.Expression;
            location = PatternLocator.Locate(expression, templateError.Start, templateError.Length) ?? syntax?.GetLocation();
            return null;
        }

        return null;
    }
}
