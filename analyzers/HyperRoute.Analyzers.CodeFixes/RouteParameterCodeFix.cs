using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Generators;
using HyperRoute.Generators.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Rename;

namespace HyperRoute.Analyzers.CodeFixes;

/// <summary>
/// HR0003 "the template parameter has no handler parameter": adds the handler parameter with the type its
/// constraints imply; and, when exactly one handler parameter matches no template parameter and exactly one
/// template parameter matches no handler parameter, offers (second) to rename that handler parameter instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouteParameterCodeFix)), Shared]
public sealed class RouteParameterCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix that adds the handler parameter.</summary>
    public const string AddParameterKey = "HR0003.AddParameter";

    /// <summary>The equivalence key of the fix that renames a handler parameter to the template's name.</summary>
    public const string RenameParameterKey = "HR0003.RenameParameter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RouteCannotBind);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var attributeSyntax = root?.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
        if (model is null
            || attributeSyntax?.Parent?.Parent is not MethodDeclarationSyntax declaration
            || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method
            || !TryGetTemplate(method, attributeSyntax, out var template))
        {
            return;
        }

        var parameters = method.Parameters.Select(HandlerParameterReader.Read).ToArray();
        if (RouteBinder.TryBind(template, parameters, out _, out var error)
            || error is not { ParameterIndex: -1, SegmentIndex: >= 0 }
            || template.Segments[error.SegmentIndex] is not { Kind: not SegmentKind.Literal } segment)
        {
            return;
        }

        var diagnostic = context.Diagnostics.First();
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Add the parameter '{segment.Name}' to '{method.Name}'",
                cancellationToken => AddParameterAsync(document, declaration, segment, cancellationToken),
                AddParameterKey),
            diagnostic);

        if (RenameCandidate(method, template, segment) is { } candidate)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Rename the parameter '{candidate.Name}' to '{segment.Name}'",
                    cancellationToken => Renamer.RenameSymbolAsync(document.Project.Solution, candidate, default(SymbolRenameOptions), segment.Name, cancellationToken),
                    RenameParameterKey),
                diagnostic);
        }
    }

    private static bool TryGetTemplate(IMethodSymbol method, AttributeSyntax syntax, out RouteTemplate template)
    {
        template = null!;
        var attribute = method.GetAttributes().FirstOrDefault(a => a.ApplicationSyntaxReference is { } reference
            && reference.SyntaxTree == syntax.SyntaxTree
            && reference.Span == syntax.Span);
        if (attribute is not { ConstructorArguments.Length: 1 } || !KnownNames.Is(attribute.AttributeClass, KnownNames.RouteAttribute))
        {
            return false;
        }

        if (!RouteTemplateParser.TryParse(attribute.ConstructorArguments[0].Value as string, out var parsed, out _))
        {
            return false;
        }

        template = parsed!;
        return true;
    }

    // The one handler parameter that binds no template parameter, when the template has exactly one unmatched
    // parameter (the one reported) and renaming breaks no other route of the method.
    private static IParameterSymbol? RenameCandidate(IMethodSymbol method, RouteTemplate template, TemplateSegment segment)
    {
        var unmatchedSegments = template.Segments.Count(s => s.Kind != SegmentKind.Literal
            && !method.Parameters.Any(p => string.Equals(p.Name, s.Name, StringComparison.OrdinalIgnoreCase)));
        var unbound = method.Parameters.Where(p => template.FindParameter(p.Name) is null).ToList();
        if (unmatchedSegments != 1 || unbound.Count != 1 || !SyntaxFacts.IsValidIdentifier(segment.Name) || SyntaxFacts.GetKeywordKind(segment.Name) != SyntaxKind.None)
        {
            return null;
        }

        var candidate = unbound[0];
        var usedElsewhere = method.GetAttributes()
            .Where(a => KnownNames.Is(a.AttributeClass, KnownNames.RouteAttribute) && a.ConstructorArguments.Length == 1)
            .Any(a => RouteTemplateParser.TryParse(a.ConstructorArguments[0].Value as string, out var other, out _)
                && other!.FindParameter(candidate.Name) is not null);
        return usedElsewhere ? null : candidate;
    }

    private static async Task<Document> AddParameterAsync(Document document, MethodDeclarationSyntax declaration, TemplateSegment segment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var position = declaration.ParameterList.SpanStart;
        var optional = segment.IsOptional;
        var type = TypeName(segment, model, position);
        if (optional && (type != "string" || (model.GetNullableContext(position) & NullableContext.AnnotationsEnabled) != 0))
        {
            type += "?";
        }

        // A keyword is written verbatim ('@class'); the token's value stays the name itself, as a parser would read it.
        var identifier = SyntaxFacts.GetKeywordKind(segment.Name) != SyntaxKind.None
            ? SyntaxFactory.ParseToken("@" + segment.Name)
            : SyntaxFactory.Identifier(segment.Name);
        var parameter = SyntaxFactory.Parameter(identifier)
            .WithType(SyntaxFactory.ParseTypeName(type).WithTrailingTrivia(SyntaxFactory.Space));
        if (optional)
        {
            parameter = parameter.WithDefault(SyntaxFactory.EqualsValueClause(
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));
        }

        // A required parameter goes before the first optional one (default value or params); an optional one last.
        var list = declaration.ParameterList.Parameters;
        var index = optional ? list.Count : list.IndexOf(p => p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword));
        if (index < 0)
        {
            index = list.Count;
        }

        var separators = list.GetSeparators().ToList();
        var nodes = list.ToList();
        nodes.Insert(index, parameter);
        var newSeparators = Enumerable.Range(0, nodes.Count - 1)
            .Select(i => i < separators.Count ? separators[i] : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
            .ToList();
        var newList = declaration.ParameterList.WithParameters(SyntaxFactory.SeparatedList(nodes, newSeparators));
        return document.WithSyntaxRoot(root.ReplaceNode(declaration.ParameterList, newList));
    }

    // The type the constraints parse the value as; string when none does. Guid is spelled as the code in scope allows.
    private static string TypeName(TemplateSegment segment, SemanticModel model, int position)
    {
        var parsed = segment.Kind == SegmentKind.CatchAll ? null : segment.Constraints.Select(c => c.ParsedType).FirstOrDefault(t => t is not null);
        if (parsed is not { } valueType)
        {
            return "string";
        }

        if (valueType == RouteValueType.Guid)
        {
            var guid = model.Compilation.GetTypeByMetadataName("System.Guid");
            var inScope = model.LookupNamespacesAndTypes(position, name: "Guid").Any(s => SymbolEqualityComparer.Default.Equals(s, guid));
            return inScope ? "Guid" : "System.Guid";
        }

        return valueType.CSharpName();
    }
}
