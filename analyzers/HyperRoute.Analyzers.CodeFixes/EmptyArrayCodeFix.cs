using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Analyzers.CodeFixes;

/// <summary>
/// HR1001 on an empty one-dimensional array (<c>new T[0]</c>, <c>new T[] { }</c>): replaces it with the shared
/// <c>Array.Empty&lt;T&gt;()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EmptyArrayCodeFix)), Shared]
public sealed class EmptyArrayCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "HR1001.ArrayEmpty";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ExplicitAllocation);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ArrayCreationExpressionSyntax creation || !IsEmpty(creation))
        {
            return;
        }

        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var elementType = creation.Type.ElementType.WithoutTrivia();

        // 'Array' when it means System.Array where the array is created, 'global::System.Array' otherwise.
        var array = model?.GetSpeculativeSymbolInfo(creation.SpanStart, SyntaxFactory.IdentifierName("Array"), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        var arrayName = array is INamedTypeSymbol { SpecialType: SpecialType.System_Array } ? "Array" : "global::System.Array";
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use 'Array.Empty<{elementType}>()'",
                _ =>
                {
                    var empty = SyntaxFactory.ParseExpression($"{arrayName}.Empty<{elementType}>()").WithTriviaFrom(creation);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, empty)));
                },
                EquivalenceKey),
            context.Diagnostics.First());
    }

    private static bool IsEmpty(ArrayCreationExpressionSyntax creation)
    {
        if (creation.Type.RankSpecifiers.Count != 1 || creation.Type.RankSpecifiers[0].Rank != 1)
        {
            return false;
        }

        var size = creation.Type.RankSpecifiers[0].Sizes[0];
        return creation.Initializer is null
            ? size is LiteralExpressionSyntax { Token.ValueText: "0" }
            : creation.Initializer.Expressions.Count == 0 && size is OmittedArraySizeExpressionSyntax or LiteralExpressionSyntax { Token.ValueText: "0" };
    }
}
