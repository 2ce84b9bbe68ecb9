using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Analyzers.CodeFixes;

/// <summary>
/// HR0015: turns the <c>ReadOnlySpan&lt;byte&gt;</c> of an asynchronous handler's <c>[Header]</c> or <c>[Body]</c> parameter
/// into <c>ReadOnlyMemory&lt;byte&gt;</c> (as it is spelled, qualified or not). Not offered for a route or query value, which
/// binds as <c>string</c> or a typed value instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SpanToMemoryCodeFix)), Shared]
public sealed class SpanToMemoryCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "HR0015.ReadOnlyMemory";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SpanOnAsyncHandler);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null
            || root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault() is not { Type: { } type } parameter
            || model.GetDeclaredSymbol(parameter, context.CancellationToken) is not { } symbol
            || !symbol.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.HeaderAttribute) || KnownNames.Is(a.AttributeClass, KnownNames.BodyAttribute))
            || symbol.Type is not INamedTypeSymbol { Name: "ReadOnlySpan", Arity: 1 } span
            || span.TypeArguments[0].SpecialType != SpecialType.System_Byte
            || SpanName(type) is not { } name)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Bind it as 'ReadOnlyMemory<byte>'",
                _ =>
                {
                    var memory = name.WithIdentifier(SyntaxFactory.Identifier("ReadOnlyMemory").WithTriviaFrom(name.Identifier));
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(name, memory)));
                },
                EquivalenceKey),
            context.Diagnostics.First());
    }

    // The 'ReadOnlySpan<byte>' of the parameter's type as written: alone, or the right of 'System.' or 'global::System.'.
    private static GenericNameSyntax? SpanName(TypeSyntax type) => type switch
    {
        GenericNameSyntax { Identifier.ValueText: "ReadOnlySpan" } generic => generic,
        QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "ReadOnlySpan" } generic } => generic,
        AliasQualifiedNameSyntax { Name: GenericNameSyntax { Identifier.ValueText: "ReadOnlySpan" } generic } => generic,
        _ => null,
    };
}
