using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace HyperRoute.Analyzers.CodeFixes;

/// <summary>HR0016: makes an <c>async void</c> handler <c>async ValueTask</c> (adding the <c>using</c> when it is missing).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AsyncVoidHandlerCodeFix)), Shared]
public sealed class AsyncVoidHandlerCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "HR0016.ValueTask";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AsyncVoidHandler);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method
            || method.ReturnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } returnType)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Return 'ValueTask'",
                _ =>
                {
                    var valueTask = SyntaxFactory.ParseTypeName("System.Threading.Tasks.ValueTask")
                        .WithTriviaFrom(returnType)
                        .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(returnType, valueTask)));
                },
                EquivalenceKey),
            context.Diagnostics.First());
    }
}
