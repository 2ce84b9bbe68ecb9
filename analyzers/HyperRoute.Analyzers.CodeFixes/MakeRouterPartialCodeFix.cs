using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Analyzers.CodeFixes;

/// <summary>
/// HR0002 "not partial": adds <c>partial</c> to every declaration of the router and of the types it is nested in
/// that lacks it, in every document that declares them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeRouterPartialCodeFix)), Shared]
public sealed class MakeRouterPartialCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "HR0002.MakePartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RouterCannotBeGenerated);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var declaration = root.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
        {
            return;
        }

        var missing = MissingPartial(type, context.CancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        var diagnostic = context.Diagnostics.First();
        var solution = context.Document.Project.Solution;
        context.RegisterCodeFix(
            CodeAction.Create(
                missing.Count == 1 ? $"Make '{type.Name}' partial" : $"Make '{type.Name}' and its containing types partial",
                cancellationToken => AddPartialAsync(solution, missing, cancellationToken),
                EquivalenceKey),
            diagnostic);
    }

    // The declarations without 'partial' of the type, of its containing types, and (when the type is nested in
    // the router) of the router's own containing types.
    private static List<SyntaxReference> MissingPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var missing = new List<SyntaxReference>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    missing.Add(reference);
                }
            }
        }

        return missing;
    }

    private static async Task<Solution> AddPartialAsync(Solution solution, List<SyntaxReference> declarations, CancellationToken cancellationToken)
    {
        foreach (var byTree in declarations.GroupBy(d => d.SyntaxTree))
        {
            var document = solution.GetDocument(byTree.Key);
            if (document is null)
            {
                continue;
            }

            var root = await byTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var nodes = byTree.Select(d => d.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
            var newRoot = root.ReplaceNodes(nodes, static (_, rewritten) => AddPartial(rewritten));
            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }

        return solution;
    }

    // 'partial' goes last among the modifiers, right before the type keyword ('record' for a record struct).
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
