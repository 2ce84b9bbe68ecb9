using HyperRoute.Generators;
using HyperRoute.Generators.Messages;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports <c>[Message]</c> structs the generator cannot compile, with the shared <see cref="MessageReader"/> rules the
/// generator skips them by: HR3001 on a member's type (or name, when the member cannot be assigned), HR3002 on the
/// order of a duplicate, HR3003 on the <c>[Field]</c> or its misplaced <c>Length</c>/<c>Prefix</c>, HR3004 on the
/// struct's name, HR3005 on the type of the field through which a message contains itself. A message that only nests
/// a message with problems of its own is left out without a diagnostic: the nested one carries it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MessageFieldUnsupported,
        DiagnosticDescriptors.MessageFieldOrderDuplicate,
        DiagnosticDescriptors.MessageByteStringShape,
        DiagnosticDescriptors.MessageNotPartialStruct,
        DiagnosticDescriptors.MessageNestsItself);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.MessageAttribute) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!MessageReader.IsMessage(type))
        {
            return;
        }

        var (_, problems) = MessageReader.Read(type, context.CancellationToken);
        foreach (var problem in problems)
        {
            var descriptor = problem.Rule switch
            {
                MessageRule.UnsupportedField => DiagnosticDescriptors.MessageFieldUnsupported,
                MessageRule.DuplicateOrder => DiagnosticDescriptors.MessageFieldOrderDuplicate,
                MessageRule.ByteStringShape => DiagnosticDescriptors.MessageByteStringShape,
                MessageRule.NotPartialStruct => DiagnosticDescriptors.MessageNotPartialStruct,
                MessageRule.NestsItself => DiagnosticDescriptors.MessageNestsItself,
                _ => null, // reported on the nested message, or by the compiler
            };
            if (descriptor is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.Message));
            }
        }
    }
}
