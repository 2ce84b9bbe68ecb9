using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators;

/// <summary>
/// A partial method whose body the generator writes (<c>[Forward]</c> on a route, <c>[To]</c> on a message handler):
/// its definition, and why a method is not one the generator can complete. Shared by the readers the generator and
/// the analyzers run, so both say the same.
/// </summary>
internal static class GeneratedPartialMethods
{
    /// <summary>The partial definition (partial, no body) the generator completes; <see langword="null"/> when the method is anything else.</summary>
    public static MethodDeclarationSyntax? Definition(IMethodSymbol method, CancellationToken cancellationToken)
        => method.DeclaringSyntaxReferences.Length == 1
            && method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is MethodDeclarationSyntax { Body: null, ExpressionBody: null } declaration
            && declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword))
                ? declaration
                : null;

    /// <summary>
    /// Why the generator cannot write <paramref name="method"/>'s body, which <paramref name="attribute"/> asks it to:
    /// it is not partial, or has a body of its own. <see langword="null"/> when it can; its signature is the caller's to
    /// check. <paramref name="expected"/> is the declaration to write instead.
    /// </summary>
    public static string? WhyNotCompletable(IMethodSymbol method, MethodDeclarationSyntax? definition, string attribute, string expected, CancellationToken cancellationToken)
    {
        if (definition is null)
        {
            var what = method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is MethodDeclarationSyntax { Modifiers: var modifiers } && modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                ? "it has a body of its own"
                : "it is not a partial method";
            return $"'{method.Name}' has {attribute}, so the generator writes its body, but {what}: declare it {expected}";
        }

        // The analyzer sees the generator's implementation part; any other is the user's own body.
        if (method.PartialImplementationPart is { } implementation && !IsGenerated(implementation))
        {
            return $"'{method.Name}' has {attribute}, so the generator writes its body, but it has a body of its own: remove that implementation and keep {expected}";
        }

        return null;
    }

    private static bool IsGenerated(IMethodSymbol implementation)
        => implementation.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.GeneratedCodeAttribute)
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == KnownNames.GeneratorName);
}
