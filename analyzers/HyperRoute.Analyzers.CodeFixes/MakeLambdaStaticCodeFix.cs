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

/// <summary>HR1013: marks a lambda or anonymous method that captures nothing <c>static</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeLambdaStaticCodeFix)), Shared]
public sealed class MakeLambdaStaticCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "HR1013.Static";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LambdaCouldBeStatic);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not AnonymousFunctionExpressionSyntax function
            || function.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Make the lambda 'static'",
                _ =>
                {
                    var staticKeyword = SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space);
                    var leading = function.GetLeadingTrivia();
                    var fixedFunction = function
                        .WithoutLeadingTrivia()
                        .WithModifiers(function.Modifiers.Insert(0, staticKeyword))
                        .WithLeadingTrivia(leading);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(function, fixedFunction)));
                },
                EquivalenceKey),
            context.Diagnostics.First());
    }
}
