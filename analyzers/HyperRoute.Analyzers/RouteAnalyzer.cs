using HyperRoute.Generators;
using HyperRoute.Generators.Routing;
using HyperRoute.Generators.Steps;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Analyzers;

/// <summary>
/// Reports every route the generator cannot compile, and why, from the generator's own reading of the router
/// (<see cref="RouterReader"/>: HR0001–HR0004, HR0007, HR0009–HR0023, HR0027, HR1014, HR2005) and the conflicts its planner finds among
/// the routes that compile (<see cref="RouteConflicts"/>: HR0006); and <c>[Route]</c>s no router serves (HR0005). Code
/// that does not compile is left to the compiler: this analyzer reports nothing the compiler already does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RouteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidRouteTemplate,
        DiagnosticDescriptors.RouterCannotBeGenerated,
        DiagnosticDescriptors.RouteCannotBind,
        DiagnosticDescriptors.HandlerCannotBeCompiled,
        DiagnosticDescriptors.RouteOutsideRouter,
        DiagnosticDescriptors.RouteConflict,
        DiagnosticDescriptors.ConstraintContradictsType,
        DiagnosticDescriptors.HeaderCannotBind,
        DiagnosticDescriptors.InvalidHeaderName,
        DiagnosticDescriptors.InvalidBodyParameter,
        DiagnosticDescriptors.InvalidServiceParameter,
        DiagnosticDescriptors.RequestPartNamedInTemplate,
        DiagnosticDescriptors.ExchangeBindingWithoutEndpoint,
        DiagnosticDescriptors.ResultCannotBeWritten,
        DiagnosticDescriptors.NoHttpEndpoint,
        DiagnosticDescriptors.NoEntryPoint,
        DiagnosticDescriptors.QueryInTemplate,
        DiagnosticDescriptors.ServiceParameter,
        DiagnosticDescriptors.InvalidRouterPrefix,
        DiagnosticDescriptors.InvalidOpenApiRoute,
        DiagnosticDescriptors.JsonBodyWithoutContext,
        DiagnosticDescriptors.ReservedMemberName,
        DiagnosticDescriptors.SpanOnAsyncHandler,
        DiagnosticDescriptors.AsyncVoidHandler,
        DiagnosticDescriptors.TimeoutHasNoEffect,
        DiagnosticDescriptors.TaskHandler);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Without the HyperRoute runtime there is no [Route] to look at.
            if (start.Compilation.GetTypesByMetadataName(KnownNames.RouteAttribute).IsEmpty)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(AnalyzeFunction, SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var reporter = new Reporter(context.ReportDiagnostic);
        if (type.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute)))
        {
            AnalyzeRouter(type, reporter, context.CancellationToken);
            return;
        }

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            foreach (var attribute in method.GetAttributes().Where(IsRoute))
            {
                reporter.Report(DiagnosticDescriptors.RouteOutsideRouter, AttributeLocation(attribute, context.CancellationToken), method.Name, HandlerRules.Display(type));
            }
        }
    }

    // The generator's own reading of the router: its problems, then the conflicts its planner finds among the
    // routes that compile (a route it leaves out cannot conflict).
    private static void AnalyzeRouter(INamedTypeSymbol router, Reporter reporter, CancellationToken cancellationToken)
    {
        if (RouterReader.Read(router, cancellationToken) is not { } read)
        {
            return;
        }

        foreach (var problem in read.Problems)
        {
            if (Descriptor(problem.Rule) is { } descriptor)
            {
                reporter.Report(descriptor, problem.Location, problem.Arguments.ToArray());
            }
        }

        ReportConflicts(read, reporter, cancellationToken);
    }

    private static DiagnosticDescriptor? Descriptor(RouteRule rule) => rule switch
    {
        RouteRule.InvalidTemplate => DiagnosticDescriptors.InvalidRouteTemplate,
        RouteRule.RouterCannotBeGenerated => DiagnosticDescriptors.RouterCannotBeGenerated,
        RouteRule.CannotBind => DiagnosticDescriptors.RouteCannotBind,
        RouteRule.HandlerCannotBeCompiled => DiagnosticDescriptors.HandlerCannotBeCompiled,
        RouteRule.ConstraintContradictsType => DiagnosticDescriptors.ConstraintContradictsType,
        RouteRule.JsonBodyWithoutContext => DiagnosticDescriptors.JsonBodyWithoutContext,
        RouteRule.HeaderCannotBind => DiagnosticDescriptors.HeaderCannotBind,
        RouteRule.InvalidHeaderName => DiagnosticDescriptors.InvalidHeaderName,
        RouteRule.InvalidBodyParameter => DiagnosticDescriptors.InvalidBodyParameter,
        RouteRule.InvalidServiceParameter => DiagnosticDescriptors.InvalidServiceParameter,
        RouteRule.RequestPartNamedInTemplate => DiagnosticDescriptors.RequestPartNamedInTemplate,
        RouteRule.ExchangeBindingWithoutEndpoint => DiagnosticDescriptors.ExchangeBindingWithoutEndpoint,
        RouteRule.ReservedMemberName => DiagnosticDescriptors.ReservedMemberName,
        RouteRule.SpanOnAsyncHandler => DiagnosticDescriptors.SpanOnAsyncHandler,
        RouteRule.AsyncVoidHandler => DiagnosticDescriptors.AsyncVoidHandler,
        RouteRule.TimeoutHasNoEffect => DiagnosticDescriptors.TimeoutHasNoEffect,
        RouteRule.TaskHandler => DiagnosticDescriptors.TaskHandler,
        RouteRule.ResultCannotBeWritten => DiagnosticDescriptors.ResultCannotBeWritten,
        RouteRule.NoHttpEndpoint => DiagnosticDescriptors.NoHttpEndpoint,
        RouteRule.NoEntryPoint => DiagnosticDescriptors.NoEntryPoint,
        RouteRule.QueryInTemplate => DiagnosticDescriptors.QueryInTemplate,
        RouteRule.ServiceParameter => DiagnosticDescriptors.ServiceParameter,
        RouteRule.InvalidPrefix => DiagnosticDescriptors.InvalidRouterPrefix,
        RouteRule.InvalidOpenApiRoute => DiagnosticDescriptors.InvalidOpenApiRoute,
        _ => null, // reported by the compiler or by another analyzer
    };

    // HR0006 on both routes, where their patterns are written.
    private static void ReportConflicts(RouterRead read, Reporter reporter, CancellationToken cancellationToken)
    {
        var routes = read.Model.Routes;
        foreach (var conflict in RouteConflicts.Find(read.Model))
        {
            var first = routes[conflict.First];
            var second = routes[conflict.Second];
            var firstLocation = PatternLocation(read.RouteAttributes[conflict.First], cancellationToken);
            var secondLocation = PatternLocation(read.RouteAttributes[conflict.Second], cancellationToken);
            if (conflict.Kind == ConflictKind.EqualPrecedence)
            {
                const string Reason = "a request can match both with equal precedence, so the one declared first always takes it and the other is never reached; remove one, or tell them apart with a literal or a constraint";
                reporter.Report(DiagnosticDescriptors.RouteConflict, firstLocation, first.Template.Pattern, second.Template.Pattern, second.HandlerName, Reason);
                reporter.Report(DiagnosticDescriptors.RouteConflict, secondLocation, second.Template.Pattern, first.Template.Pattern, first.HandlerName, Reason);
                continue;
            }

            // First is the optional route whose absent form the second route shadows.
            reporter.Report(
                DiagnosticDescriptors.RouteConflict,
                firstLocation,
                first.Template.Pattern,
                second.Template.Pattern,
                second.HandlerName,
                "without its optional segment it matches exactly the requests the other route matches, and the other route takes precedence, so that form is never reached; make the segment required, or remove the other route");
            reporter.Report(
                DiagnosticDescriptors.RouteConflict,
                secondLocation,
                second.Template.Pattern,
                first.Template.Pattern,
                first.HandlerName,
                "the other route without its optional segment matches exactly the requests this route matches; this route takes precedence, so that form of the other route is never reached");
        }
    }

    private static Location? PatternLocation(AttributeData attribute, CancellationToken cancellationToken)
        => PatternLocator.PatternSyntax(attribute, cancellationToken)?.GetLocation() ?? AttributeLocation(attribute, cancellationToken);

    // The generator only looks at the members of router types, so a [Route] on a local function or a lambda is
    // never served, wherever it is.
    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context)
    {
        var (attributeLists, symbol) = context.Node switch
        {
            LocalFunctionStatementSyntax function => (function.AttributeLists, context.SemanticModel.GetDeclaredSymbol(function, context.CancellationToken)),
            ParenthesizedLambdaExpressionSyntax lambda => (lambda.AttributeLists, context.SemanticModel.GetSymbolInfo(lambda, context.CancellationToken).Symbol),
            _ => (default(SyntaxList<AttributeListSyntax>), null),
        };
        if (attributeLists.Count == 0 || symbol is not IMethodSymbol method)
        {
            return;
        }

        var reporter = new Reporter(context.ReportDiagnostic);
        foreach (var attribute in method.GetAttributes().Where(IsRoute))
        {
            var name = HandlerRules.HandlerName(method);
            var location = method.MethodKind == MethodKind.LocalFunction ? method.Locations.FirstOrDefault() : AttributeLocation(attribute, context.CancellationToken);
            reporter.Report(DiagnosticDescriptors.HandlerCannotBeCompiled, location, name, HandlerRules.WhyNotHandler(method) ?? "it is not a member of a router");
        }
    }

    private static bool IsRoute(AttributeData attribute) => KnownNames.Is(attribute.AttributeClass, KnownNames.RouteAttribute);

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    /// <summary>Reports each distinct diagnostic once (a method with several routes can fail the same way for each).</summary>
    private sealed class Reporter(Action<Diagnostic> report)
    {
        private readonly HashSet<(string Id, string? Path, int Start, int Length, string Message)> _reported = new();

        public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments)
        {
            var diagnostic = Diagnostic.Create(descriptor, location ?? Location.None, arguments);
            var span = diagnostic.Location.SourceSpan;
            var key = (descriptor.Id, diagnostic.Location.SourceTree?.FilePath, span.Start, span.Length, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (_reported.Add(key))
            {
                report(diagnostic);
            }
        }
    }
}
