using HyperRoute.Generators;
using HyperRoute.Generators.Routing;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports what keeps an <c>[App]</c> from serving its routers, from the generator's own reading of it
/// (<see cref="AppReader"/>: HR0025 on a router it cannot serve, HR0026 on an app it cannot extend, HR0027 on its OpenAPI document's route), and the conflicts
/// between routes of different routers that the planner's rules find in the composed route table
/// (<see cref="RouteConflicts"/>: HR0024 on each route, naming the other router and route). Conflicts within one router
/// are HR0006, reported on the router itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AppRouteConflict,
        DiagnosticDescriptors.AppMemberCannotBeComposed,
        DiagnosticDescriptors.AppCannotBeGenerated,
        DiagnosticDescriptors.InvalidOpenApiRoute);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypesByMetadataName(KnownNames.AppAttribute).IsEmpty)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var app = (INamedTypeSymbol)context.Symbol;
        if (!app.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.AppAttribute))
            || AppReader.Read(app, context.Compilation, context.CancellationToken) is not { } read)
        {
            return;
        }

        foreach (var problem in read.Problems)
        {
            var descriptor = problem.Rule switch
            {
                RouteRule.AppCannotBeGenerated => DiagnosticDescriptors.AppCannotBeGenerated,
                RouteRule.InvalidOpenApiRoute => DiagnosticDescriptors.InvalidOpenApiRoute,
                _ => DiagnosticDescriptors.AppMemberCannotBeComposed,
            };
            context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location ?? Location.None, problem.Arguments.ToArray()));
        }

        var routes = read.Model.Routes;
        foreach (var conflict in RouteConflicts.Find(read.Model))
        {
            var (firstRouter, firstIndex) = read.Find(conflict.First);
            var (secondRouter, secondIndex) = read.Find(conflict.Second);
            if (ReferenceEquals(firstRouter, secondRouter))
            {
                continue; // HR0006, on the router itself
            }

            var first = routes[conflict.First];
            var second = routes[conflict.Second];
            var firstLocation = PatternLocation(firstRouter.Read.RouteAttributes[firstIndex], context);
            var secondLocation = PatternLocation(secondRouter.Read.RouteAttributes[secondIndex], context);
            string firstReason, secondReason;
            if (conflict.Kind == ConflictKind.EqualPrecedence)
            {
                firstReason = $"a request can match both with equal precedence, and '{app.Name}' lists '{firstRouter.Type.Name}' first, so the other route is never reached; give the routers different prefixes, or tell the routes apart with a literal or a constraint";
                secondReason = $"a request can match both with equal precedence, and '{app.Name}' lists '{firstRouter.Type.Name}' first, so this route is never reached; give the routers different prefixes, or tell the routes apart with a literal or a constraint";
            }
            else
            {
                firstReason = "without its optional segment it matches exactly the requests the other route matches, and the other route takes precedence, so that form is never reached; make the segment required, or give the routers different prefixes";
                secondReason = "the other route without its optional segment matches exactly the requests this route matches; this route takes precedence, so that form of the other route is never reached";
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AppRouteConflict, firstLocation, first.Template.Pattern, firstRouter.Type.Name, second.Template.Pattern, secondRouter.Type.Name, app.Name, firstReason));
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AppRouteConflict, secondLocation, second.Template.Pattern, secondRouter.Type.Name, first.Template.Pattern, firstRouter.Type.Name, app.Name, secondReason));
        }
    }

    private static Location PatternLocation(AttributeData attribute, SymbolAnalysisContext context)
        => PatternLocator.PatternSyntax(attribute, context.CancellationToken)?.GetLocation()
            ?? attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
            ?? Location.None;
}
