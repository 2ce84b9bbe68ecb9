using HyperRoute.Generators;
using HyperRoute.Generators.Messages;
using HyperRoute.Generators.Steps;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports <c>[MessageRouter]</c> classes the generator cannot compile, with the shared <see cref="MessageRouterReader"/>
/// rules the generator skips them by: HR3006 on the message type argument, HR3007 on the key argument, HR3008 on the
/// second <c>[On]</c> of a value, HR3009 on an <c>[On]</c> value, HR3010 on a handler's name, HR3011 on every
/// <c>[Otherwise]</c> after the first, HR3012 on the class's name, HR3013–HR3016 on a <c>When = …</c> argument, HR3017 and
/// HR3018 on an <c>[On]</c>, HR3019–HR3021 on a <c>[To]</c> group argument, HR3022 on a <c>[To]</c> handler's name, HR3023 on
/// a <c>Key = …</c> argument, HR3024 on a <c>[To]</c> that is on no handler (in any class), HR3025 on a span parameter of
/// an async handler, and HR2001–HR2003 (the validator and transform rules of <see cref="StepReader"/>) on the type
/// argument of a router's or handler's <c>[Validate&lt;V&gt;]</c>/<c>[Transform&lt;X&gt;]</c>. A router of a message with problems of its own is
/// left out without a diagnostic: the message carries it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageRouterAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MessageRouterNotMessage,
        DiagnosticDescriptors.MessageRouterKeyInvalid,
        DiagnosticDescriptors.MessageRouterDuplicateValue,
        DiagnosticDescriptors.MessageRouterValueOutOfRange,
        DiagnosticDescriptors.MessageRouterHandlerSignature,
        DiagnosticDescriptors.MessageRouterOtherwiseDuplicate,
        DiagnosticDescriptors.MessageRouterNotPartialClass,
        DiagnosticDescriptors.MessageRouterPredicateMissing,
        DiagnosticDescriptors.MessageRouterPredicateAmbiguous,
        DiagnosticDescriptors.MessageRouterPredicateSignature,
        DiagnosticDescriptors.MessageRouterPredicateInstance,
        DiagnosticDescriptors.MessageRouterOnWithoutKey,
        DiagnosticDescriptors.MessageRouterUnreachable,
        DiagnosticDescriptors.MessageRouterToGroupMissing,
        DiagnosticDescriptors.MessageRouterToGroupType,
        DiagnosticDescriptors.MessageRouterToGroupInstance,
        DiagnosticDescriptors.MessageRouterToHandlerShape,
        DiagnosticDescriptors.MessageRouterToKeyInvalid,
        DiagnosticDescriptors.MessageRouterToNotHandler,
        DiagnosticDescriptors.MessageRouterAsyncHandlerSpan,
        DiagnosticDescriptors.StepTypeNotMarked,
        DiagnosticDescriptors.ValidatorDoesNotFit,
        DiagnosticDescriptors.TransformDoesNotFit);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.MessageRouterAttribute) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var problems = MessageRouterReader.IsRouter(type)
            ? MessageRouterReader.Read(type, context.CancellationToken).Problems
            : MessageRouterReader.StrayForwards(type, context.CancellationToken).ToImmutableArray();
        foreach (var problem in problems)
        {
            var descriptor = problem.Rule switch
            {
                MessageRule.RouterNotMessage => DiagnosticDescriptors.MessageRouterNotMessage,
                MessageRule.RouterKeyInvalid => DiagnosticDescriptors.MessageRouterKeyInvalid,
                MessageRule.RouterDuplicateValue => DiagnosticDescriptors.MessageRouterDuplicateValue,
                MessageRule.RouterValueOutOfRange => DiagnosticDescriptors.MessageRouterValueOutOfRange,
                MessageRule.RouterHandlerSignature => DiagnosticDescriptors.MessageRouterHandlerSignature,
                MessageRule.RouterOtherwiseDuplicate => DiagnosticDescriptors.MessageRouterOtherwiseDuplicate,
                MessageRule.RouterNotPartialClass => DiagnosticDescriptors.MessageRouterNotPartialClass,
                MessageRule.RouterPredicateMissing => DiagnosticDescriptors.MessageRouterPredicateMissing,
                MessageRule.RouterPredicateAmbiguous => DiagnosticDescriptors.MessageRouterPredicateAmbiguous,
                MessageRule.RouterPredicateSignature => DiagnosticDescriptors.MessageRouterPredicateSignature,
                MessageRule.RouterPredicateInstance => DiagnosticDescriptors.MessageRouterPredicateInstance,
                MessageRule.RouterOnWithoutKey => DiagnosticDescriptors.MessageRouterOnWithoutKey,
                MessageRule.RouterUnreachable => DiagnosticDescriptors.MessageRouterUnreachable,
                MessageRule.RouterToGroupMissing => DiagnosticDescriptors.MessageRouterToGroupMissing,
                MessageRule.RouterToGroupType => DiagnosticDescriptors.MessageRouterToGroupType,
                MessageRule.RouterToGroupInstance => DiagnosticDescriptors.MessageRouterToGroupInstance,
                MessageRule.RouterToHandlerShape => DiagnosticDescriptors.MessageRouterToHandlerShape,
                MessageRule.RouterToKeyInvalid => DiagnosticDescriptors.MessageRouterToKeyInvalid,
                MessageRule.RouterToNotHandler => DiagnosticDescriptors.MessageRouterToNotHandler,
                MessageRule.RouterAsyncHandlerSpan => DiagnosticDescriptors.MessageRouterAsyncHandlerSpan,
                MessageRule.RouterStepNotMarked => DiagnosticDescriptors.StepTypeNotMarked,
                MessageRule.RouterValidatorDoesNotFit => DiagnosticDescriptors.ValidatorDoesNotFit,
                MessageRule.RouterTransformDoesNotFit => DiagnosticDescriptors.TransformDoesNotFit,
                _ => null, // reported on the message, or by the compiler
            };
            if (descriptor is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.Message));
            }
        }
    }
}
