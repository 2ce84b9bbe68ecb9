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
/// HR1011: slices a span instead of copying, <c>a[1..]</c> becoming <c>a.AsSpan()[1..]</c>. The result is a span
/// (<c>ReadOnlySpan&lt;char&gt;</c> for a string), so code that stores the copy needs to change with it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RangeSliceCodeFix)), Shared]
public sealed class RangeSliceCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "HR1011.AsSpan";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RangeSlice);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ElementAccessExpressionSyntax access)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Slice a span instead of copying ('AsSpan()')",
                _ =>
                {
                    var asSpan = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName("AsSpan")));
                    var sliced = access.WithExpression(asSpan.WithTriviaFrom(access.Expression));
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(access, sliced)));
                },
                EquivalenceKey),
            context.Diagnostics.First());
    }
}
