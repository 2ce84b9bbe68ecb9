using HyperRoute.Generators.Routing;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports <c>[Forward]</c> handlers the generator cannot complete, with the shared <see cref="ForwardReader"/> rules
/// it skips them by: HR0030 on the method's name (not a bodiless partial <c>ValueTask M(HttpExchange)</c> route of a
/// router), HR0031 on the group argument, HR0032 on <c>Path = …</c>, HR0033 on <c>Key = …</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForwardAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ForwardHandlerShape,
        DiagnosticDescriptors.ForwardGroupInvalid,
        DiagnosticDescriptors.ForwardPathInvalid,
        DiagnosticDescriptors.ForwardKeyInvalid);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(ForwardReader.ForwardAttribute) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    // By type, not by method: the generator's implementation part carries [GeneratedCode], and a method with one is
    // not analyzed as user code. GetMembers holds each partial method once, as its definition part.
    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
        {
            if (member is IMethodSymbol method && ForwardReader.IsForward(method))
            {
                Report(context, method);
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, IMethodSymbol method)
    {
        ForwardReader.Read(method, context.CancellationToken, out var problems);
        foreach (var problem in problems)
        {
            var descriptor = problem.Rule switch
            {
                ForwardRule.HandlerShape => DiagnosticDescriptors.ForwardHandlerShape,
                ForwardRule.Group => DiagnosticDescriptors.ForwardGroupInvalid,
                ForwardRule.Path => DiagnosticDescriptors.ForwardPathInvalid,
                _ => DiagnosticDescriptors.ForwardKeyInvalid,
            };
            context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.Message));
        }
    }
}
