using HyperRoute.Generators;
using HyperRoute.Generators.Routing;
using HyperRoute.Generators.Steps;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports validators and transforms the generator cannot compile into a dispatcher, with the shared
/// <see cref="StepReader"/> rules the generator leaves routes out by: a <c>[Validate&lt;V&gt;]</c>/<c>[Transform&lt;X&gt;]</c>
/// whose type argument is not a partial <c>[Validator]</c>/<c>[Transform]</c> type (HR2001), a validator (HR2002) or
/// transform (HR2003) whose interface does not fit where it is applied, each on the type argument, and a
/// <c>[Validator]</c>/<c>[Transform]</c> type that implements none of the interfaces (HR2004), on its marker.
/// Typed bodies without a JSON context (HR2005) are binding rules: <see cref="RouteAnalyzer"/> reports them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.StepTypeNotMarked,
        DiagnosticDescriptors.ValidatorDoesNotFit,
        DiagnosticDescriptors.TransformDoesNotFit,
        DiagnosticDescriptors.StepWithoutInterface);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypesByMetadataName(KnownNames.RouterAttribute).IsEmpty)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var cancellationToken = context.CancellationToken;
        if (StepReader.WhyNoInterface(type, out var marker) is { } whyNot)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.StepWithoutInterface,
                marker!.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? type.Locations.FirstOrDefault(),
                whyNot));
        }

        // The attributes RouterReader reads steps from: the router's, then each route method's and its parameters'.
        if (!type.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute)))
        {
            return;
        }

        Report(context, type.GetAttributes(), StepPosition.Router, null, cancellationToken);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (!method.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouteAttribute)))
            {
                continue;
            }

            Report(context, method.GetAttributes(), StepPosition.Route, null, cancellationToken);
            foreach (var parameter in method.Parameters)
            {
                Report(context, parameter.GetAttributes(), StepPosition.Parameter, parameter.Type, cancellationToken);
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, ImmutableArray<AttributeData> attributes, StepPosition position, ITypeSymbol? parameterType, CancellationToken cancellationToken)
    {
        foreach (var attribute in attributes)
        {
            if (!StepReader.TryRead(attribute, position, parameterType, out _, out var error) || error is null)
            {
                continue;
            }

            var descriptor = error.Kind switch
            {
                StepErrorKind.NotMarked => DiagnosticDescriptors.StepTypeNotMarked,
                StepErrorKind.Validator => DiagnosticDescriptors.ValidatorDoesNotFit,
                StepErrorKind.Transform => DiagnosticDescriptors.TransformDoesNotFit,
                _ => null, // the type does not resolve: the compiler reports it
            };
            if (descriptor is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, StepReader.TypeArgumentLocation(attribute, cancellationToken), error.Message));
            }
        }
    }
}
