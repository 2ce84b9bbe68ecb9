using HyperRoute.Generators;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports <c>[HotPath]</c> where there is no body whose allocations could be checked (HR0008): abstract members
/// (interface members without a default body among them), extern members, and partial methods declared without an
/// implementation. An auto-property has compiler-written accessors and is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HotPathAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HotPathWithoutBody);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.HotPathAttribute) is not { } hotPath)
            {
                return;
            }

            start.RegisterSymbolAction(context => Analyze(context, hotPath), SymbolKind.Method, SymbolKind.Property);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol hotPath)
    {
        var symbol = context.Symbol;
        var attribute = symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, hotPath));
        if (attribute is null || WhyNoBody(symbol, context.CancellationToken) is not { } reason)
        {
            return;
        }

        var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? symbol.Locations.FirstOrDefault();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HotPathWithoutBody, location, symbol.Name, reason));
    }

    private static string? WhyNoBody(ISymbol symbol, System.Threading.CancellationToken cancellationToken)
    {
        if (symbol.IsAbstract)
        {
            return symbol.ContainingType is { TypeKind: TypeKind.Interface }
                ? "it is an interface member without a default body; put [HotPath] on the implementations"
                : "it is abstract, so it has no body; put [HotPath] on the overrides";
        }

        if (symbol.IsExtern)
        {
            return "it is extern, so its body is not C#";
        }

        // The implementation part of a partial method carries the merged attributes too; only a declaration that
        // has none is bodiless.
        if (symbol is IMethodSymbol { PartialDefinitionPart: null, PartialImplementationPart: null } method && IsPartialDefinition(method, cancellationToken))
        {
            return "it is a partial method without an implementation part; add the implementation";
        }

        return null;
    }

    private static bool IsPartialDefinition(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
        => method.MethodKind == MethodKind.Ordinary
            && method.DeclaringSyntaxReferences.Length == 1
            && method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { Body: null, ExpressionBody: null } declaration
            && declaration.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword));
}
